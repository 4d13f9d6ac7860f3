# a lazy wrapper consumed to the end in the same statement is fixable: list(csv.reader(open(p)))
import csv
import itertools


def rows(p, q):
    table = list(csv.reader(open(p)))
    pairs = dict(zip(open(p), open(q)))
    numbered = list(enumerate(open(p)))
    head = list(itertools.islice(open(p), 10))
    return table, pairs, numbered, head
