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
    gen = tagged(path)
    try:
        for i, r in zip(range(n), gen):
            res.append((i, r))
    finally:
        gen.close()
    return res


def numbered(path):
    gen = rows(path)
    try:
        for i, r in zip(itertools.count(1), gen):
            if i == 2:
                return r
    finally:
        gen.close()
    return None


def padded(path):
    gen = rows(path)
    try:
        for k, s, r in zip(count(), repeat("-", 3), gen):
            print(k, s, r)
    finally:
        gen.close()


def first_two(path):
    gen = rows(path)
    try:
        return list(zip(range(2), gen))
    finally:
        gen.close()


def kept(path, n):
    gen = rows(path)
    it = zip(range(-1, n), gen)
    try:
        first = next(it)
        return first
    finally:
        gen.close()
