# A wrapper that stops early, unpacked within the statement: the unpacking reads it to its end at once. In a
# display that ends with it, nothing runs after: fixed; as a call's argument, the call runs after: reported.
from itertools import islice


def rows():
    try:
        yield 1
        yield 2
    finally:
        print("rows done")


def kept():
    t = (*zip([1], rows()),)
    return t


def shown():
    print(*islice(rows(), 1))


def stored(d, key):
    # Into a subscript: `key()` runs after the unpacking, where CPython had closed the generator
    d[key()], b = islice(rows(), 2)
