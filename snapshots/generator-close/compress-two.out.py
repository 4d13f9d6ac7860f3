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
    gen2 = rows(2)
    try:
        gen = rows(1)
        try:
            for x in compress(gen, gen2):
                break
        finally:
            gen.close()
    finally:
        gen2.close()
    return x


def first_read():
    gen2 = rows(4)
    try:
        gen = rows(3)
        try:
            return next(compress(gen, gen2))
        finally:
            gen.close()
    finally:
        gen2.close()
