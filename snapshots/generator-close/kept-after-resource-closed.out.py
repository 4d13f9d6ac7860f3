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
    try:
        x = next(it)
        f.write("x")
        f.close()
        return x
    finally:
        it.close()


def returned(path):
    f = open(path)
    it = rows(path)
    try:
        x = next(it)
        return f, x
    finally:
        it.close()


def entered(path, stack: contextlib.ExitStack):
    f = open(path)
    stack.enter_context(f)
    it = rows(path)
    try:
        return next(it)
    finally:
        it.close()


def held_by_it(path):
    f = open(path)
    gen = rows(path)
    it = zip(gen, f)
    try:
        return next(it)
    finally:
        gen.close()


def read_beside(path):
    gen = rows(path)
    it = zip(gen, open(path).read().split())
    try:
        return next(it)
    finally:
        gen.close()


def closed_in_finally(path):
    f = open(path, "w")
    it = rows(path)
    try:
        try:
            f.write("data")
            first = next(it)
        finally:
            f.close()
        return first
    finally:
        it.close()


def closed_before_early_return(path, stop):
    f = open(path, "w")
    f.write("data")
    it = rows(path)
    try:
        first = next(it)
        if stop:
            f.close()
            return first
        f.close()
        return first
    finally:
        it.close()


def deleted_with_another(path, p):
    f = open(path, "w")
    f.write("x")
    it = rows(path)
    try:
        next(it)
        del f, p
        print("end")
    finally:
        it.close()


def held_through_a_writer(path):
    import csv

    f = open(path, "w")
    it = rows(csv.writer(f))
    try:
        return next(it)
    finally:
        it.close()


class Logger:
    def start(self, path):
        # stored on `self`: not fixed, `Logger().start(p)` leaves `self` to the frame, which CPython 3.11+ drops
        # with the file before the generator
        self.log = open(path, "w")
        it = rows(path)
        return next(it)
