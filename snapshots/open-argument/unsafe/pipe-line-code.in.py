# Code run on each line of a pipe on the way to a read to its end may raise first; the `with` then waits for the
# command, where CPython dropped the pipe at once: unsafe. `list` and `sorted` of the pipe itself run none: safe.
import os


def total(cmd):
    return sum(map(int, os.popen(cmd)))


def largest(cmd):
    return max(os.popen(cmd), key=float)


def pairs(cmd):
    return dict(os.popen(cmd))


def lines(cmd):
    return list(os.popen(cmd))


def ordered(cmd):
    return sorted(os.popen(cmd), reverse=True)


def flag():
    raise KeyError("no flag")


def ordered_by_flag(cmd):
    # Another argument runs code after the pipe is made, before it is read
    return sorted(os.popen(cmd), reverse=flag())


def keyed(cmd):
    # `sorted` calls `key` only once it has read everything: safe
    return sorted(os.popen(cmd), key=float)


def zipped(cmd):
    # `zip` of one iterable reads it to its end: safe
    return list(zip(os.popen(cmd)))
