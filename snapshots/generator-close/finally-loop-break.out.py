# A `break` of a loop inside a `@contextmanager`'s `finally` leaves that loop, not the `finally`: the GeneratorExit a
# close throws in goes on, and the fix is safe.
from contextlib import contextmanager


@contextmanager
def tidy(items):
    try:
        yield
    finally:
        for item in items:
            if item is None:
                break


def rows():
    for i in range(3):
        with tidy([1, None]):
            yield i


def first():
    gen = rows()
    try:
        for x in gen:
            return x
    finally:
        gen.close()
