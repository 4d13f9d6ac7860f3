# A `with` whose `__exit__` returns True (a class of the module), or a `@contextmanager` of the module that catches
# BaseException around its `yield`, swallows the GeneratorExit `close()` throws in; the generator yields again and
# `close()` raises RuntimeError, where CPython only printed "Exception ignored": unsafe.
from contextlib import contextmanager


class LogErrors:
    def __enter__(self):
        return self

    def __exit__(self, typ, exc, tb):
        if typ is not None:
            print("swallowed", typ.__name__)
        return True


@contextmanager
def ignoring():
    try:
        yield
    except BaseException as e:
        print("ignored", type(e).__name__)


class Outer:
    class Guard:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return True


@contextmanager
def quiet():
    try:
        yield
    finally:
        return


def rows():
    for i in range(3):
        with LogErrors():
            yield i


def guarded():
    for i in range(3):
        with Outer.Guard():
            yield i


def hushed():
    for i in range(3):
        with quiet():
            yield i


def items():
    for i in range(3):
        with ignoring():
            yield i


def first():
    for x in rows():
        if x == 0:
            break
    return x


def first_item():
    for x in items():
        return x


def first_guarded():
    for x in guarded():
        return x


def first_hushed():
    for x in hushed():
        return x
