# A generator kept in a variable through a branch (`… if … else …`, `and`, `or`) and left unfinished: bound where it is made with `:=`, closed at the end of the function only if it was made.
import os


def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows cleanup", n)


def other(n):
    try:
        yield from range(n, 0, -1)
    finally:
        print("other cleanup", n)


def first_big(n, cached):
    it = rows(n) if n > 2 else cached
    for r in it:
        if r > 1:
            break
    # a comment in the rest of the function
    text = """
a multi-line string
    kept as it is
"""
    return r, text


def head(flag):
    it = flag and rows(3)
    return next(it)


def head_or(fallback):
    it = (rows(3) or fallback)
    first = next(it, None)
    print("first", first)
    return first


def either(flag):
    """Two generators, at most one of them made: one name for both."""
    it = rows(4) if flag else other(4)
    return next(it), next(it)


def listing(p, fallback):
    it = os.scandir(p) if p else iter(fallback)
    return next(it).name


def nested(n):
    def inner(flag):
        it = rows(n) if flag else []
        for r in it:
            return r

    return inner


async def arows(n):
    try:
        yield n
    finally:
        print("arows cleanup", n)


async def ahead(n, fallback):
    it = arows(n) if fallback is None else fallback
    return await anext(it)
