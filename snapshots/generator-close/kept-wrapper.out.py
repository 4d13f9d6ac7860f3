# A lazy wrapper of a generator kept in a variable (`it = islice(rows(n), 2)`), then read: `islice` and `zip` stop
# early even when the loop runs to its end, and CPython closed the generator with the wrapper when the function
# returned (islice lets go of it after its last item: nothing runs after that loop but the return). The generator
# is made apart, just before, and closed at the end of the function.
import threading
from itertools import islice

lock = threading.Lock()


def rows(n):
    with lock:
        yield from range(n)


def head(n):
    gen = rows(n)
    it = islice(gen, 2)
    try:
        total = 0
        for r in it:
            total += r
        return total
    finally:
        gen.close()


def first_even(n):
    gen = rows(n)
    evens = filter(lambda r: r % 2 == 0, gen)
    try:
        return next(evens)
    finally:
        gen.close()


def pairs(names):
    gen = rows(10)
    both = zip(names, gen)
    try:
        for name, r in both:
            print(name, r)
    finally:
        gen.close()
