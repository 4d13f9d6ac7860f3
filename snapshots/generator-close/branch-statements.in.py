# `next`, `any`, `in` and `anext` over a generator made in a branch: bound where it is made with `:=`, closed after the statement only if it was made.
import os


def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows cleanup", n)


def head(n, fallback):
    first = next(rows(n) if n else iter(fallback))
    found = any(rows(n) if n > 1 else fallback)
    if n: there = 3 in (n > 4 and rows(n))
    return next(
        rows(n)  # the generator
        if n > 5
        else iter(fallback),
        None,
    )


def listed(p, fallback):
    return next(os.scandir(p) if p else iter(fallback)).name


async def arows(n):
    try:
        yield n
    finally:
        print("arows cleanup", n)


async def anext_of(n, fallback):
    return await anext(arows(n) if fallback is None else fallback)
