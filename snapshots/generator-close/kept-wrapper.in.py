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
    it = islice(rows(n), 2)
    total = 0
    for r in it:
        total += r
    return total


def first_even(n):
    evens = filter(lambda r: r % 2 == 0, rows(n))
    return next(evens)


def pairs(names):
    both = zip(names, rows(10))
    for name, r in both:
        print(name, r)
