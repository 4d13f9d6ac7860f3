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
    gen = None
    it = (gen := rows(n)) if n > 2 else cached
    try:
        for r in it:
            if r > 1:
                break
        # a comment in the rest of the function
        text = """
a multi-line string
    kept as it is
"""
        return r, text
    finally:
        if gen is not None:
            gen.close()


def head(flag):
    gen = None
    it = flag and (gen := rows(3))
    try:
        return next(it)
    finally:
        if gen is not None:
            gen.close()


def head_or(fallback):
    gen = None
    it = ((gen := rows(3)) or fallback)
    try:
        first = next(it, None)
        print("first", first)
        return first
    finally:
        if gen is not None:
            gen.close()


def either(flag):
    """Two generators, at most one of them made: one name for both."""
    gen = None
    it = (gen := rows(4)) if flag else (gen := other(4))
    try:
        return next(it), next(it)
    finally:
        if gen is not None:
            gen.close()


def listing(p, fallback):
    entries = None
    it = (entries := os.scandir(p)) if p else iter(fallback)
    try:
        return next(it).name
    finally:
        if entries is not None:
            entries.close()


def nested(n):
    def inner(flag):
        gen = None
        it = (gen := rows(n)) if flag else []
        try:
            for r in it:
                return r
        finally:
            if gen is not None:
                gen.close()

    return inner


async def arows(n):
    try:
        yield n
    finally:
        print("arows cleanup", n)


async def ahead(n, fallback):
    agen = None
    it = (agen := arows(n)) if fallback is None else fallback
    try:
        return await anext(it)
    finally:
        if agen is not None:
            await agen.aclose()
