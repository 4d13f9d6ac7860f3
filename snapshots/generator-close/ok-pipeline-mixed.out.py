# Generators of one statement, one of them passed through a generator function that only iterates it, mixed with a
# `zip`, another pass-through or a `compress`: CPython closed them in an order (a frame drops its arguments in order,
# `zip` its items last first, `compress` its data first) that the fixes, nested one per pass, do not keep. Unsafe,
# not fixed without --unsafe-fixes.
from itertools import compress, islice

order = []


def lines(tag):
    try:
        yield from range(3)
    finally:
        order.append(tag)


def one(it):
    for x in it:
        yield x


def pairs(a, b):
    for x in a:
        for y in b:
            yield x, y


def through_zip():
    return next(one(zip(lines("a"), lines("b"))))


def through_two():
    return next(pairs(one(lines("a")), lines("b")))


def under_compress():
    return next(compress(pairs(lines("a"), lines("b")), lines("c")))


def side(tag):
    order.append("side " + tag)
    return tag


def made_later():
    # `lines(side("b"))` cannot be made ahead of `lines("a")`: fixing `lines("a")` alone would close it last
    return next(pairs(lines("a"), lines(side("b"))))


def through_islice():
    return next(pairs(islice(lines("a"), 2), lines("b")))


def wrong_arity():
    # `lines()` misses its argument and raises TypeError where it is: `lines("b", "c")`, which raises another, cannot
    # be made ahead of it
    return next(pairs(lines(), lines("b", "c")))
