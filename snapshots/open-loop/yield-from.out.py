# `yield from` over a resource as a statement of its own: a loop whose body yields each item, wrapped in a `with` like `for x in open(p): yield x`
import csv
import gzip
import itertools


def lines(path):
    with open(path) as f:
        yield from f


def rows(path):
    with open(path, newline="") as f:
        yield from csv.reader(f)


def numbered(path):
    with open(path) as f:
        yield from enumerate(f, 1)


def pairs(a, b):
    with open(a) as f, open(b) as fh:
        yield from zip(f, fh)


def unpacked(path):
    with gzip.open(path, "rt") as f:
        yield from f


def stripped(path):
    with open(path) as f:
        yield from (line.rstrip("\n") for line in f)


def head(path):
    with open(path) as f:
        yield from itertools.islice(f, 3)


def blocks(path):
    with open(path, "rb") as f:
        yield from iter(f.read, b"")


def one_line(path):
    with open(path) as f:
        yield from f


def maybe(path, wanted):
    if wanted:
        with open(path) as f:
            yield from f
    yield "end"


def then_more(path):
    with open(path) as f:
        yield from f
    yield "end"


def parenthesised(path):
    with open(path) as f:
        (yield from f)  # the file's lines, then "end"
    yield "end"


def name_taken(path, f):
    with open(path) as fh:
        yield from fh
    yield f


def outer(paths):
    def inner(path):
        with open(path) as f:
            yield from f

    for p in paths:
        yield from inner(p)
