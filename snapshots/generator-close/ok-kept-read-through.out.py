# Not fixed: a kept generator handed on through a wrapper that outlives the read (the wrapper kept in a name,
# returned, or passed on), or read through `groupby`, whose groups read the generator itself after the loop moves on.
import threading
from itertools import groupby, tee

lock = threading.Lock()


def rows(n):
    with lock:
        yield from range(n)


def kept_wrapper(n, names):
    it = rows(n)
    pairs = zip(it, names)
    for x, name in pairs:
        return x


def returned(n):
    a, b = tee(rows(n))
    next(b, None)
    return zip(a, b)


def passed_on(n, sink):
    it = rows(n)
    sink(enumerate(it))


def grouped(n):
    it = rows(n)
    for key, group in groupby(it):
        return key


def copies(n, saved):
    it = rows(n)
    for t in tee(it):
        saved.append(t)
        return next(t)
