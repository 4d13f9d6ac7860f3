# A use that itself sits in a branch (`next(…) if d else None`, `d and next(…)`): the generator is made only when the branch runs, so it is bound where it is made with `:=` and closed right after the statement only if it was made.
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


class Table:
    def __iter__(self):
        try:
            yield 1
        finally:
            print("table cleanup")


def head(n, d):
    x = next(rows(n)) if d else None
    y = d and next(rows(n), None)
    z = None if d else next(rows(n))  # a comment after it
    w = d or any(r > 1 for r in rows(n))
    v = d and not any(Table())
    return x, y, z, w, v


def either(n, d):
    """One use runs or the other: one name for both generators."""
    return next(rows(n)) if d else next(other(n))


def inner(n, c, d):
    x = e = c and (next(rows(n) if n else iter([])) if d else None)
    if d: there = n and 3 in rows(n)
    return x, e, there


def listed(p, d):
    return d and next(os.scandir(p)).name


async def arows(n):
    try:
        yield n
    finally:
        print("arows cleanup", n)


async def ahead(n, d):
    return await anext(arows(n)) if d else None
