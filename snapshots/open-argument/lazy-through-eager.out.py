# a lazy wrapper consumed to the end in the same statement is fixable: list(csv.reader(open(p)))
import csv
import itertools


def rows(p, q):
    with open(p) as f:
        table = list(csv.reader(f))
    with open(p) as fh, open(q) as fp:
        pairs = dict(zip(fh, fp))
    with open(p) as f2:
        numbered = list(enumerate(f2))
    with open(p) as f3:
        head = list(itertools.islice(f3, 10))
    return table, pairs, numbered, head
