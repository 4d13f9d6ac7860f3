# `it = islice(rows(n), 2)` read to its end: CPython's islice lets go of the generator once it has given its last
# item, so CPython closed `rows(n)` as the loop ended, before `print("after")`. The fix closes it at the end of the
# function, after that code: with `--unsafe-fixes` only. Without: reported (ok-kept-wrapper-islice).
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
