# A generator kept in a name (`it = rows(n)`, or tee objects `a, b = tee(rows(n))`) and read through a lazy wrapper
# made right there, in a loop's header or in `next(...)`: `zip(it, names)`, `enumerate(islice(it, 2))`,
# `zip(a, b)`. The wrapper goes with the loop or the call; the name keeps the generator until the function returns,
# where CPython closed it. The same fix as for a generator read directly.
import threading
from itertools import islice, tee

lock = threading.Lock()


def rows(n):
    with lock:
        yield from range(n)


def labelled(n, names):
    it = rows(n)
    first = next(it)
    for x, name in zip(it, names):
        print(first, x, name)


def counted(n):
    it = rows(n)
    for i, x in enumerate(islice(it, 2)):
        print(i, x)


def pairs(n):
    a, b = tee(rows(n))
    next(b, None)
    for x, y in zip(a, b):
        if y > 2:
            return x


def first_pair(n, names):
    it = rows(n)
    return next(zip(names, it))


def numbered(n):
    it = rows(n)
    for i, x in enumerate(it):
        if x > 1:
            return i


def first_copy(n):
    it = rows(n)
    for x in tee(it)[0]:
        return x
