import itertools
from itertools import chain, compress, dropwhile, islice


def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows finally", n)


# Lazy wrappers of itertools pass the generator on; `compress`, and `map` over two iterables, stop at the
# shorter one. An unpacking reads `islice` to its end, which stops early.
def first_of_chain():
    for r in chain([9], rows(5)):
        if r == 1:
            break
    return r


def dropped():
    return next(dropwhile(lambda x: x < 2, rows(5)))


def compressed():
    for x in compress(rows(5), [1, 0, 1]):
        print("c", x)


def unpacked():
    first, = islice(rows(5), 1)
    return first


def mapped():
    return list(map(lambda a, b: a + b, rows(5), [10, 20]))


def accumulated():
    for total in itertools.accumulate(rows(5)):
        if total > 2:
            return total

