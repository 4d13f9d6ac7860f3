# Generators kept through a branch, or used in a branch, that withify reports (or leaves alone) instead of fixing.
from itertools import islice


def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows cleanup", n)


def nested(n, c):
    # bound inside an `if`: a `try` from there cannot hold the rest of the function
    if n:
        it = rows(n) if c else []
        next(it)
    return n


def looped(ns, c):
    # bound again by each iteration, which CPython closed as it did
    for n in ns:
        it = c and rows(n)
        print(next(it))


def shares_line(n, c):
    x = n; it = rows(n) if c else []
    return next(it), x


def not_flagged(n, c, fallback):
    # read to the end, or handed on: not flagged; kept through a wrapper after `done`: reported, its fix unsafe (it
    # would close this generator before `done`'s, which CPython dropped first)
    done = rows(n) if c else fallback
    for r in done:
        print(r)
    handed = rows(n) if c else fallback
    wrapped = islice(rows(n), 2) if c else fallback
    return handed, next(wrapped)


def used_then_more(n, d, fallback):
    # the truth test of what `next` gave (and `fallback`) runs after it: CPython closed the generator before
    z = next(rows(n)) or fallback
    # `print` runs after `next`
    print(next(rows(n)) if d else None)
    # the choice is made after `next`
    y = 1 if next(rows(n)) else 2
    # `:=` cannot bind in a comprehension's iterable (a SyntaxError)
    w = d or any(r > 1 for r in rows(n))
    # a lambda runs it later, or never
    pick = (lambda: next(rows(n))) if d else None
    return z, y, w, pick
