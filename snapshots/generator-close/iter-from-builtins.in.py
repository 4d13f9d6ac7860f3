# `iter` imported from `builtins` is the builtin: the fix binds `iter(Table(n))`
from builtins import iter


class Table:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        try:
            yield from range(self.n)
        finally:
            print("Table cleanup")


def first_big(n):
    for r in Table(n):
        if r > 1:
            return r
