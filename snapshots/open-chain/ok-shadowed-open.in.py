# `open` rebound by a def, an assignment, a parameter or an import is not the builtin: left alone
from os import open as os_open


def uses_param(open, p):
    return open(p).read()


def uses_local(p):
    open = lambda q: q
    return open(p).read()


class Opener:
    def open(self, p):
        return p

    def go(self, p):
        return self.open(p).read()


def open_local_def(p):
    def open(q):
        return q
    return open(p).read()


def os_level(p):
    return os_open(p, 0).read()
