# An object whose `__iter__` is the generator is bound through `iter()`: not where `iter` is a parameter, a local or
# a global, which the fix would call.
class Table:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        try:
            yield from range(self.n)
        finally:
            print("Table cleanup")


def solve(n, iter=100):
    for r in Table(n):
        if r > 1:
            return r * iter


def count(n):
    iter = 3
    for r in Table(n):
        if r > iter:
            return r
