import csv


def biggest(a, b):
    # Not fixed: with several arguments `max` returns one of the files itself, still open.
    f = max(open(a), open(b), key=lambda f: f.name)
    return f.read()


def smallest(a, b):
    # Not fixed: the same with `min` and lazy readers.
    r = min(csv.reader(open(a)), csv.reader(open(b)), key=lambda r: 0)
    return list(r)
