# Rated unsafe, so not applied here (unsafe/tee-order applies them): a tee of `islice(rows(n), 5)` read on after the
# loop that ends it (CPython's islice let go of the generator as it gave its last item), and a generator kept after
# a tee or a wrapper bound in an `if` (CPython dropped `a`, `b`, `it` first; those are reported).
import threading
from itertools import islice, tee

lock = threading.Lock()


def rows(n):
    with lock:
        yield from range(n)


def cut(n):
    a, b = tee(islice(rows(n), 5))
    for r in a:
        print(r)
    return next(b)


def behind_branch(n, c):
    if c:
        a, b = tee(rows(n))
        print(next(a))
    it = rows(n)
    return next(it)


def behind_wrapper(n, c):
    if c:
        it = islice(rows(n), 2)
        print(next(it))
    last = rows(n)
    return next(last)
