import threading

lock = threading.Lock()


class Table:
    def __iter__(self):
        with lock:
            yield 1
            yield 2


class SubTable(Table):
    def __init__(self, n=0):
        self.n = n


def first(n):
    # Fixed: iterating a `SubTable` makes `Table.__iter__`'s generator, which it inherits.
    gen = iter(SubTable(n))
    try:
        for r in gen:
            return r
    finally:
        gen.close()
