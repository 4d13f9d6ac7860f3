# Code run on each line of a pipe on the way to a read to its end may raise first; the `with` then waits for the
# command, where CPython dropped the pipe at once: unsafe. `list` and `sorted` of the pipe itself run none: safe.
import os


def total(cmd):
    with os.popen(cmd) as pipe:
        return sum(map(int, pipe))


def largest(cmd):
    with os.popen(cmd) as pipe:
        return max(pipe, key=float)


def pairs(cmd):
    with os.popen(cmd) as pipe:
        return dict(pipe)


def lines(cmd):
    with os.popen(cmd) as pipe:
        return list(pipe)


def ordered(cmd):
    with os.popen(cmd) as pipe:
        return sorted(pipe, reverse=True)


def flag():
    raise KeyError("no flag")


def ordered_by_flag(cmd):
    # Another argument runs code after the pipe is made, before it is read
    with os.popen(cmd) as pipe:
        return sorted(pipe, reverse=flag())


def keyed(cmd):
    # `sorted` calls `key` only once it has read everything: safe
    with os.popen(cmd) as pipe:
        return sorted(pipe, key=float)


def zipped(cmd):
    # `zip` of one iterable reads it to its end: safe
    with os.popen(cmd) as pipe:
        return list(zip(pipe))
