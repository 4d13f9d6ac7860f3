# `yield from` over a resource as a statement of its own: a loop whose body yields each item, wrapped in a `with` like `for x in open(p): yield x`
import csv
import gzip
import itertools


def lines(path):
    yield from open(path)


def rows(path):
    yield from csv.reader(open(path, newline=""))


def numbered(path):
    yield from enumerate(open(path), 1)


def pairs(a, b):
    yield from zip(open(a), open(b))


def unpacked(path):
    yield from gzip.open(path, "rt")


def stripped(path):
    yield from (line.rstrip("\n") for line in open(path))


def head(path):
    yield from itertools.islice(open(path), 3)


def blocks(path):
    yield from iter(open(path, "rb").read, b"")


def one_line(path): yield from open(path)


def maybe(path, wanted):
    if wanted: yield from open(path)
    yield "end"


def then_more(path):
    yield from open(path); yield "end"


def parenthesised(path):
    (yield from open(path))  # the file's lines, then "end"
    yield "end"


def name_taken(path, f):
    yield from open(path)
    yield f


def outer(paths):
    def inner(path):
        yield from open(path)

    for p in paths:
        yield from inner(p)
