# `itertools.tee` of a generator, its tee objects kept in the function's names (`a, b = tee(rows(n))`) and read
# only in part: the objects share the generator, which CPython closed when the frame dropped the last of them, at
# the return. The generator is made apart, just before, and closed at the end of the function.
import itertools
import threading
from itertools import tee

lock = threading.Lock()


def rows(n):
    with lock:
        yield from range(n)


def peek(n):
    a, b = tee(rows(n))
    first = next(a)
    return first, next(b)


def scan(n):
    ahead, behind = itertools.tee(rows(n), 2)
    for r in ahead:
        if r > 2:
            break
    return next(behind)


def three(n):
    (x, y, z) = tee(rows(n), 3)
    print(next(y))


def one_unread(n):
    [seen, unread] = tee(rows(n))
    for r in seen:
        if r:
            return r


def taken(n):
    it = tee(rows(n))[0]
    return next(it)


def outer(n):
    def inner():
        a, b = tee(rows(n))
        return next(b)

    return inner()
