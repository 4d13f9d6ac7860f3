# A file bound ahead of a kept generator and still open when the function returns: CPython dropped the file first
# (flushed), then the generator, whose cleanup read it back; a `finally:` closing the generator at the end of the
# function runs that cleanup on the unflushed file. These spellings leave the file open on some path, or hold it
# in another name, so the kept fix is unsafe.
import contextlib
import csv
import sys


def rows(path):
    try:
        yield 1
    finally:
        print("rows sees", repr(open(path).read()))


def fmt(x, f):
    return x


def returned_in_a_call(path):
    f = open(path, "w")
    f.write("data")
    it = rows(path)
    x = next(it)
    return fmt(x, f)


def closed_in_a_branch(path, flag):
    f = open(path, "w")
    f.write("data")
    it = rows(path)
    x = next(it)
    f.close() if flag else None
    return x


def stack_never_entered(path):
    stack = contextlib.ExitStack()
    f = open(path, "w")
    f.write("data")
    it = rows(path)
    x = next(it)
    stack.enter_context(f)
    return x


def deleted_but_aliased(path):
    f = open(path, "w")
    out = f
    f.write("data")
    it = rows(path)
    x = next(it)
    del f
    return x


def conditional_value(path):
    out = open(path, "w") if path != "-" else sys.stdout
    out.write("data")
    it = rows(path)
    return next(it)


def kept_by_a_writer(path):
    w = csv.writer(open(path, "w", newline=""))
    w.writerow(["data"])
    it = rows(path)
    return next(it)


class Exporter:
    def run(self, path):
        self.out = open(path, "w")
        self.out.write("data")
        it = rows(path)
        return next(it)


def detached(path):
    log = open(path, "w")
    log.write("data")
    it = rows(path)
    x = next(it)
    raw = log.detach()
    return x


def entered_then_deleted(path):
    log = open(path, "w")
    same = log.__enter__()
    log.write("data")
    it = rows(path)
    x = next(it)
    del log
    return x


def either(path):
    log = path and open(path, "w")
    log.write("data")
    it = rows(path)
    return next(it)


def appended(path):
    logs = []
    logs.append(open(path, "w"))
    logs[-1].write("data")
    it = rows(path)
    return next(it)


def added(path):
    files = []
    files += [open(path, "w")]
    files[0].write("data")
    it = rows(path)
    return next(it)
