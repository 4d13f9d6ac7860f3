# One item of `itertools.tee` of a generator, taken at once (`tee(rows(n))[0]`, `[-1]`): the tuple and the other tee
# objects go at the subscript, so CPython closed the generator where the use dropped the one taken, at the end of
# the loop or statement. The same fix as for the generator itself.
import itertools
import threading
from itertools import tee

lock = threading.Lock()


def rows(n):
    with lock:
        yield from range(n)


def first_big(n):
    for r in tee(rows(n))[0]:
        if r > 2:
            return r


def second(n):
    x = next(itertools.tee(rows(n), 3)[1])
    return x


def has_odd(n):
    return any(r % 2 for r in (tee(rows(n)))[0])


def last(n):
    x = next(tee(rows(n), 2)[-1])
    return x
