# `it = islice(rows(n), 2)` read to its end by a loop inside a `with`, a `try`, a `while` or an `if` with code after
# it, or followed by a `return` of an f-string: CPython closed `rows(n)` as the loop ended, before the `with` exit,
# the `finally:`, the rest of the body or the formatting; the fix would close it after. Reported, not fixed, without
# `--unsafe-fixes` (unsafe/kept-wrapper-islice-blocks). Nothing after the loop but an `if`'s end: kept-wrapper-islice-if.
import threading
from itertools import islice

lock = threading.Lock()


def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows finally", n)


def in_with(n):
    it = islice(rows(n), 2)
    with lock:
        for r in it:
            print(r)


def in_try(n):
    it = islice(rows(n), 2)
    try:
        for r in it:
            print(r)
    finally:
        print("finally")


def in_while(n):
    it = islice(rows(n), 2)
    while n:
        for r in it:
            print(r)
        n = 0


def in_if(n):
    it = islice(rows(n), 2)
    if n:
        for r in it:
            print(r)
        print("after")


def if_then_more(n):
    it = islice(rows(n), 2)
    if n:
        for r in it:
            print(r)
    print("after")


def formatted(n):
    it = islice(rows(n), 2)
    for r in it:
        print(r)
    return f"{r}"
