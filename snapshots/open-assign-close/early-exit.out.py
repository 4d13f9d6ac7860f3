class Records:
    def __init__(self, fh):
        self.fh = fh

    def __iter__(self):
        return (line.rstrip("\n") for line in self.fh)


def load(path, lazy=False):
    # Not fixed: on the `return records` path the original leaves the file open for `records`.
    f = open(path)
    records = Records(f)
    if lazy:
        return records
    rows = list(records)
    f.close()
    return rows


def find(paths):
    # Not fixed: the `break` leaves with `r`, which holds the file, before the close.
    found = None
    for p in paths:
        f = open(p)
        r = Records(f)
        if p.endswith(".special"):
            found = r
            break
        f.close()
    return found


def count(path, stop):
    # Fixed: the `return` comes before anything holds the file, and the `break` ends a loop of the block.
    with open(path) as f:
        if stop:
            return 0
        n = 0
        for line in Records(f):
            if line == "end":
                break
            n += 1
    return n


class Partial(Exception):
    def __init__(self, src):
        self.src = src


def header(path):
    # Not fixed: the exception hands the file on, and the handler reads the rest from `e.src`.
    f = open(path)
    head = f.readline().strip()
    if head != "OK":
        raise Partial(f)
    data = f.read()
    f.close()
    return data


def lines(path):
    # Not fixed: the `return` hands the file on, wrapped, before the close.
    f = open(path)
    if f.readline().startswith("#v2"):
        return Records(f)
    rows = f.readlines()
    f.close()
    return rows


def scan(path, keys):
    # Not fixed: the `raise` in the loop leaves it, and the function, with `rd`, which holds the file.
    f = open(path)
    rd = Records(f)
    for k in keys:
        if k not in rd:
            raise Partial(rd)
    data = f.read()
    f.close()
    return data
