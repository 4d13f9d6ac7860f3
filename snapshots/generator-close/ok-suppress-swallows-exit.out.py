# `suppress(BaseException)` or `suppress(GeneratorExit)` around a `yield` swallows what close() throws in,
# as `except BaseException: pass` does: the loop yields again and closing raises RuntimeError, where
# CPython only printed "Exception ignored in" when it dropped the generator. Reported; the fix needs
# --unsafe-fixes.
import contextlib
from contextlib import suppress


def rows():
    for i in range(3):
        with suppress(BaseException):
            yield i


def ticks():
    with contextlib.suppress(KeyError, GeneratorExit):
        yield 1
    yield 2


def quiet():
    # Swallowed, then the generator returns: close() is fine.
    with suppress(GeneratorExit):
        yield 1


def first():
    for r in rows():
        break
    for t in ticks():
        break
    print("after first")
