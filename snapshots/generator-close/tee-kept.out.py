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
    gen = rows(n)
    a, b = tee(gen)
    try:
        first = next(a)
        return first, next(b)
    finally:
        gen.close()


def scan(n):
    gen = rows(n)
    ahead, behind = itertools.tee(gen, 2)
    try:
        for r in ahead:
            if r > 2:
                break
        return next(behind)
    finally:
        gen.close()


def three(n):
    gen = rows(n)
    (x, y, z) = tee(gen, 3)
    try:
        print(next(y))
    finally:
        gen.close()


def one_unread(n):
    gen = rows(n)
    [seen, unread] = tee(gen)
    try:
        for r in seen:
            if r:
                return r
    finally:
        gen.close()


def taken(n):
    gen = rows(n)
    it = tee(gen)[0]
    try:
        return next(it)
    finally:
        gen.close()


def outer(n):
    def inner():
        gen = rows(n)
        a, b = tee(gen)
        try:
            return next(b)
        finally:
            gen.close()

    return inner()
