# Not fixed: tee objects handed on (returned, passed to a call or a wrapper, copied), read to the end, kept as
# a tuple, unpacked with a star, read before being bound, a tee of something else, at module level, and a
# `tee(…)[i]` with a computed index. Reported: a pair bound inside an `if` (no `try` there can hold the rest of
# the function).
import copy
import threading
from itertools import tee

lock = threading.Lock()


def rows(n):
    with lock:
        yield from range(n)


def pairwise(n):
    a, b = tee(rows(n))
    next(b, None)
    return zip(a, b)


def returned(n):
    a, b = tee(rows(n))
    next(a)
    return b


def handed(n, consume):
    a, b = tee(rows(n))
    next(a)
    consume(b)


def copied(n):
    a, b = tee(rows(n))
    c = copy.copy(a)
    return next(b), c


def to_end(n):
    a, b = tee(rows(n))
    for r in a:
        print(r)


def as_tuple(n):
    both = tee(rows(n))
    return next(both[0])


def starred(n):
    a, *rest = tee(rows(n), 3)
    return next(a)


def rebound(n):
    a, b = tee(rows(n))
    next(a)
    a = None
    return a


def indexed(n, i):
    return next(tee(rows(n))[i])


def last_of(n, i):
    return next(tee(rows(n), i)[-i])


def in_branch(n, c):
    if c:
        a, b = tee(rows(n))
        return next(a)
    return None


a, b = tee(rows(3))
print(next(a))
