# `self.rows()` and `records()` that may not reach the generator function: reported, never fixed, since the
# object they return may have no `close()`.


class Store:
    def __init__(self, preload=None):
        if preload is not None:
            # An instance attribute hides the method.
            self.rows = lambda: preload

    def rows(self):
        try:
            yield 1
        finally:
            print("rows finally")

    def first(self):
        for x in self.rows():
            return x


def _cached_rows(self):
    return [7, 8]


# A class attribute overrides the method: no def to see.
class CachedStore(Store):
    rows = _cached_rows


class Table:
    def rows(self):
        try:
            yield 1
        finally:
            print("rows finally")

    def first(self):
        for x in self.rows():
            return x


class ListRowsMixin:
    def rows(self):
        return [7, 8]


# The MRO looks in the mixin before `Table`.
class CachedTable(ListRowsMixin, Table):
    pass


def records(n):
    try:
        yield from range(n)
    finally:
        print("records finally")


# `global records` lets any call rebind the module's name.
def use_fast_path():
    global records
    records = lambda n: [0, 1, 2]


def first_record():
    for r in records(5):
        return r
