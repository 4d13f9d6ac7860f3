# `range(…)`, `itertools.count(…)` and `itertools.repeat(…)` run ahead of a generator function's call: making the generator first runs none of its code, so it is made apart and closed.
import itertools
from itertools import count, repeat


def rows(path):
    f = open(path)
    try:
        for line in f:
            yield line.strip()
    finally:
        f.close()
        print("rows closed")


def tagged(path):
    yield from rows(path)


def zipped(path, n):
    res = []
    for i, r in zip(range(n), tagged(path)):
        res.append((i, r))
    return res


def numbered(path):
    for i, r in zip(itertools.count(1), rows(path)):
        if i == 2:
            return r
    return None


def padded(path):
    for k, s, r in zip(count(), repeat("-", 3), rows(path)):
        print(k, s, r)


def first_two(path):
    return list(zip(range(2), rows(path)))


def kept(path, n):
    it = zip(range(-1, n), rows(path))
    first = next(it)
    return first
