# A resource bound ahead of a kept generator that the function closes or hands on on every path after it (a close,
# `with closing(f)`, `enter_context(f)`, `return f`), or that the generator's own call holds, or a wrapper whose
# argument only read a file: nothing of it is left for the frame to drop after the generator; fixed.
import contextlib


def rows(path):
    try:
        yield 1
        yield 2
    finally:
        print("rows closed")


def closed_after(path):
    f = open(path, "w")
    it = rows(path)
    x = next(it)
    f.write("x")
    f.close()
    return x


def returned(path):
    f = open(path)
    it = rows(path)
    x = next(it)
    return f, x


def entered(path, stack: contextlib.ExitStack):
    f = open(path)
    stack.enter_context(f)
    it = rows(path)
    return next(it)


def held_by_it(path):
    f = open(path)
    it = zip(rows(path), f)
    return next(it)


def read_beside(path):
    it = zip(rows(path), open(path).read().split())
    return next(it)


def closed_in_finally(path):
    f = open(path, "w")
    it = rows(path)
    try:
        f.write("data")
        first = next(it)
    finally:
        f.close()
    return first


def closed_before_early_return(path, stop):
    f = open(path, "w")
    f.write("data")
    it = rows(path)
    first = next(it)
    if stop:
        f.close()
        return first
    f.close()
    return first


def deleted_with_another(path, p):
    f = open(path, "w")
    f.write("x")
    it = rows(path)
    next(it)
    del f, p
    print("end")


def held_through_a_writer(path):
    import csv

    f = open(path, "w")
    it = rows(csv.writer(f))
    return next(it)


class Logger:
    def start(self, path):
        # stored on `self`: not fixed, `Logger().start(p)` leaves `self` to the frame, which CPython 3.11+ drops
        # with the file before the generator
        self.log = open(path, "w")
        it = rows(path)
        return next(it)
