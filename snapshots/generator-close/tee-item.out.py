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
    gen = rows(n)
    try:
        for r in tee(gen)[0]:
            if r > 2:
                return r
    finally:
        gen.close()


def second(n):
    gen = rows(n)
    try:
        x = next(itertools.tee(gen, 3)[1])
    finally:
        gen.close()
    return x


def has_odd(n):
    gen = rows(n)
    try:
        return any(r % 2 for r in (tee(gen))[0])
    finally:
        gen.close()


def last(n):
    gen = rows(n)
    try:
        x = next(tee(gen, 2)[-1])
    finally:
        gen.close()
    return x
