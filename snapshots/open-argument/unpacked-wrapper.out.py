# A lazy wrapper of a file unpacked within the statement (`*` in a call or a display, an unpacking assignment) is
# read to its end there, as `list(…)` reads it: fixed. A file that may be written, with code after the unpacking,
# is reported (CPython closed it before that code ran).
import csv
import itertools


def pairs(p, q):
    with open(p) as f, open(q) as fh:
        print(*zip(f, fh))


def first_two(p):
    with open(p) as f:
        x, y = itertools.islice(f, 2)
    return x


def upper(p):
    with open(p) as f:
        return (*map(str.upper, f),)


def written(p):
    print(*itertools.islice(open(p, "w"), 2), sep="|")


def stored(p, d, key):
    # Into a subscript: `key()` runs after the unpacking, where CPython had closed the file
    d[key()], b = itertools.islice(open(p, "w"), 2)
