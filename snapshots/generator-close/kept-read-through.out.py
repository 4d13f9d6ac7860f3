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
    try:
        first = next(it)
        for x, name in zip(it, names):
            print(first, x, name)
    finally:
        it.close()


def counted(n):
    it = rows(n)
    try:
        for i, x in enumerate(islice(it, 2)):
            print(i, x)
    finally:
        it.close()


def pairs(n):
    gen = rows(n)
    a, b = tee(gen)
    try:
        next(b, None)
        for x, y in zip(a, b):
            if y > 2:
                return x
    finally:
        gen.close()


def first_pair(n, names):
    it = rows(n)
    try:
        return next(zip(names, it))
    finally:
        it.close()


def numbered(n):
    it = rows(n)
    try:
        for i, x in enumerate(it):
            if x > 1:
                return i
    finally:
        it.close()


def first_copy(n):
    it = rows(n)
    try:
        for x in tee(it)[0]:
            return x
    finally:
        it.close()
