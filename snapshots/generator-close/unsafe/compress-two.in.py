# `itertools.compress` over two generators with cleanup (`compress(rows(1), rows(size(2)))`): CPython closed its data
# (`rows(1)`) first as it dropped the compress, then its selectors. `size(2)` runs code, so the selectors cannot be
# made ahead of the data: the fixes, the first made outermost as for `zip` (which drops the last first), close the
# selectors first. Fixed with `--unsafe-fixes` only. Selectors made by a plain call go first (compress-two);
# selectors that hold no such generator: itertools-wrappers.
from itertools import compress


def size(n):
    return n


def rows(n):
    try:
        yield from range(1, n + 1)
    finally:
        print("rows finally", n)


def first_kept():
    for x in compress(rows(1), rows(size(2))):
        break
    return x


def first_read():
    return next(compress(rows(3), rows(size(4))))
