# `itertools.compress` over two generators with cleanup (`compress(rows(1), rows(2))`): CPython closed its data
# (`rows(1)`) first as it dropped the compress, then its selectors. `rows` is a generator function of the file over
# plain arguments, whose call runs none of its code: the selectors' fix goes first (outermost), and the data's closes
# first, as CPython did. Where the selectors cannot be made first, the data's fix is unsafe (unsafe/compress-two).
from itertools import compress


def rows(n):
    try:
        yield from range(1, n + 1)
    finally:
        print("rows finally", n)


def first_kept():
    for x in compress(rows(1), rows(2)):
        break
    return x


def first_read():
    return next(compress(rows(3), rows(4)))
