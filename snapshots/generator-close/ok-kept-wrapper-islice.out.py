# `it = islice(rows(n), 2)` read to its end, then more code: CPython closed `rows(n)` as the loop ended (islice
# lets go of what it reads once it has given its last item), the fix would close it at the end of the function.
# Reported, not fixed, without `--unsafe-fixes` (unsafe/kept-wrapper-islice).
from itertools import islice


def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows finally", n)


def head(n):
    it = islice(rows(n), 2)
    for r in it:
        print(r)
    print("after")


def head_else(n):
    it = map(str, islice(rows(n), 2))
    for r in it:
        print(r)
    else:
        print("else")
    return 0
