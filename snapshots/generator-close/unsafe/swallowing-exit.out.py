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
    gen = rows()
    try:
        for x in gen:
            if x == 0:
                break
    finally:
        gen.close()
    return x


def first_item():
    gen = items()
    try:
        for x in gen:
            return x
    finally:
        gen.close()


def first_guarded():
    gen = guarded()
    try:
        for x in gen:
            return x
    finally:
        gen.close()


def first_hushed():
    gen = hushed()
    try:
        for x in gen:
            return x
    finally:
        gen.close()
