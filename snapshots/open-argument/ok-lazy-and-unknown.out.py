# Negative space: lazy consumers whose result outlives the statement, unknown callees, other positions
import csv
import json


def numbers(f):
    for line in f:
        yield int(line)


def lazy(p):
    reader = csv.reader(open(p))
    stripped = map(str.strip, open(p))
    pairs = enumerate(open(p))
    gen = numbers(open(p))
    return reader, stripped, pairs, gen


def unknown(p):
    process(open(p))
    return handle(open(p))


def managed(p):
    with open(p) as f:
        return json.load(f)


def process(f):
    return f


def handle(f):
    return f
