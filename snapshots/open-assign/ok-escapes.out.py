# Negative: every kind of escape is reported with its reason, never fixed
import csv

LOG = []


def returned(path):
    f = open(path)
    if f.readline():
        return f


def yielded(path):
    f = open(path)
    yield f


def stored(path, cache):
    f = open(path)
    cache[path] = f
    LOG.append(f)


class Holder:
    def __init__(self, path):
        self.f = open(path)


def captured(path):
    f = open(path)
    return lambda: f.read()


def nested(path):
    f = open(path)

    def inner():
        return f.read()
    return inner


def passed(path, parse):
    f = open(path)
    return parse(f)


def lazy(path):
    f = open(path)
    lines = (l.strip() for l in f)
    return lines


def reader_escapes(path):
    f = open(path)
    r = csv.reader(f)
    return r


def declared(path):
    global g
    g = open(path)
    g.read()


def view(path):
    import zipfile
    z = zipfile.ZipFile(path)
    member = z.open("a.txt")
    return member
