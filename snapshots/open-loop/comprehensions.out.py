# list, set and dict comprehensions over a resource in an assignment, a return or a call statement
import csv


def load(p):
    with open(p) as f:
        lines = [line.strip() for line in f]
    with open(p) as fh:
        words = {w for line in fh for w in line.split()}
    with open(p) as fp:
        rows = [row for row in csv.reader(fp) if row]
    with open(p) as f2:
        print([len(line) for line in f2])
    with open(p) as f3:
        return {i: line for i, line in enumerate(f3)}, lines, words, rows
