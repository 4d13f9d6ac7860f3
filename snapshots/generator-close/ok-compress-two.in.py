# `itertools.compress` over two generators with cleanup (`compress(rows(1), rows(2))`): CPython closed its data
# (`rows(1)`) first as it dropped the compress, then its selectors. The fixes, the first made outermost as for `zip`
# (which drops the last first), would close `rows(2)` first. Reported, not fixed, without `--unsafe-fixes`
# (unsafe/compress-two). Selectors that hold no such generator: itertools-wrappers.
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
