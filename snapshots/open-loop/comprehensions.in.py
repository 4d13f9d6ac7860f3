# list, set and dict comprehensions over a resource in an assignment, a return or a call statement
import csv


def load(p):
    lines = [line.strip() for line in open(p)]
    words = {w for line in open(p) for w in line.split()}
    rows = [row for row in csv.reader(open(p)) if row]
    print([len(line) for line in open(p)])
    return {i: line for i, line in enumerate(open(p))}, lines, words, rows
