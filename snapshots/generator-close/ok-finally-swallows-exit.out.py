# A `continue` in a `finally` around a `yield`, a `break` there with a `yield` after the loop, or
# `suppress(BaseException)` under another name: close() throws GeneratorExit in, the generator drops it
# and yields again, and close() raises RuntimeError where CPython only printed "Exception ignored in".
# Reported; the fix needs --unsafe-fixes. A `return` (or a `break` with nothing after) ends the
# generator: close() is fine, and that one is fixed.
from contextlib import suppress as quiet

log = []


def g_continue(n):
    for i in range(n):
        try:
            yield i
        finally:
            log.append("fin %d" % i)
            continue


def g_break_then_yield(n):
    for i in range(n):
        try:
            yield i
        finally:
            break
    yield "tail"


def g_quiet(n):
    for i in range(n):
        with quiet(BaseException):
            yield i


def first():
    for x in g_continue(5):
        if x == 1:
            break
    for x in g_break_then_yield(5):
        if x == 1:
            break
    for x in g_quiet(5):
        if x == 1:
            break
    print("after first", log)


first()
