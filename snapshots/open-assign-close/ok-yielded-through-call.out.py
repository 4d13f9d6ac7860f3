# The file goes to the consumer inside what a call makes (click's `_tempfilepager` yields `t.cast(t.BinaryIO,
# f)`): a `with` would close it under the consumer when an exception is thrown in at the `yield` or the generator
# is abandoned, which the code never did. Reported, not fixed, as `yield f` is.
import typing as t


class Log:
    def __init__(self, f):
        self.f = f


def pager(p):
    f = open(p, "wb")
    yield t.cast(t.BinaryIO, f), "utf-8", None
    f.flush()
    f.close()


def log_at(p):
    f = open(p, "w")
    yield Log(f)
    f.close()


def wrapped(p):
    f = open(p)
    yield [Log(f)] if p else None
    f.close()


def through_name(p):
    f = open(p, "w")
    log = Log(f)
    yield log
    f.close()


def through_yield_from(p):
    f = open(p, "w")
    yield from [Log(f)]
    f.close()
