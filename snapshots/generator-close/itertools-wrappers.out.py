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
    gen = rows(5)
    try:
        for r in chain([9], gen):
            if r == 1:
                break
    finally:
        gen.close()
    return r


def dropped():
    gen = rows(5)
    try:
        return next(dropwhile(lambda x: x < 2, gen))
    finally:
        gen.close()


def compressed():
    gen = rows(5)
    try:
        for x in compress(gen, [1, 0, 1]):
            print("c", x)
    finally:
        gen.close()


def unpacked():
    gen = rows(5)
    try:
        first, = islice(gen, 1)
    finally:
        gen.close()
    return first


def mapped():
    gen = rows(5)
    try:
        return list(map(lambda a, b: a + b, gen, [10, 20]))
    finally:
        gen.close()


def accumulated():
    gen = rows(5)
    try:
        for total in itertools.accumulate(gen):
            if total > 2:
                return total
    finally:
        gen.close()

