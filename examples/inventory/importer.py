"""Import stock counts from CSV-like text files."""
import json


def count_lines(path):
    n = 0
    for line in open(path):
        if line.strip():
            n += 1
    return n


def load_settings(path):
    return json.load(open(path))


def import_counts(path):
    f = open(path)
    counts = {}
    for line in f:
        name, _, count = line.partition(",")
        counts[name.strip()] = int(count)
    f.close()
    return counts


def rows(path):
    src = open(path)
    try:
        for line in src:
            yield line.rstrip("\n").split(",")
    finally:
        src.close()


def first_bad_row(path):
    for row in rows(path):
        if len(row) != 2:
            return row
    return None
