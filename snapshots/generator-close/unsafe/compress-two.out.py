# `itertools.compress` over two generators with cleanup (`compress(rows(1), rows(2))`): CPython closed its data
# (`rows(1)`) first as it dropped the compress, then its selectors. The fixes, the first made outermost as for `zip`
# (which drops the last first), would close `rows(2)` first. Fixed with `--unsafe-fixes` only
# (without: ok-compress-two). Selectors that hold no such generator: itertools-wrappers.
from itertools import compress


def rows(n):
    try:
        yield from range(1, n + 1)
    finally:
        print("rows finally", n)


def first_kept():
    gen = rows(1)
    try:
        gen2 = rows(2)
        try:
            for x in compress(gen, gen2):
                break
        finally:
            gen2.close()
    finally:
        gen.close()
    return x


def first_read():
    gen = rows(3)
    try:
        gen2 = rows(4)
        try:
            return next(compress(gen, gen2))
        finally:
            gen2.close()
    finally:
        gen.close()
