import csv


# `emit` is the writer's bound method: calling it writes rows, as `w.writerow(row)` does.
def fast_write(path, rows):
    f = open(path, "w", newline="")
    w = csv.writer(f)
    emit = w.writerow
    for r in rows:
        emit(r)


# `line_num` is plain data.
def count_rows(path):
    f = open(path, newline="")
    r = csv.reader(f)
    for _ in r:
        pass
    return r.line_num


# The bound method leaves the function: whoever calls it writes to the file. Reported, not fixed.
def make_emit(path):
    f = open(path, "w", newline="")
    w = csv.writer(f)
    return w.writerow


# The same, through a dict and through a name.
def make_handlers(path):
    f = open(path, "w", newline="")
    w = csv.writer(f)
    handlers = {"row": w.writerow}
    return handlers


def make_next(path):
    f = open(path, newline="")
    r = csv.reader(f)
    nxt = r.__next__
    return nxt
