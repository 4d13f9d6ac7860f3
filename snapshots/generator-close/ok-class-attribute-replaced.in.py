# A class whose generator method the module replaces: `Table(n)` iterated and `Store.rows()` may reach a plain
# iterator, which has no close(); not fixed, reported.


class Table:
    def __iter__(self):
        try:
            yield 1
        finally:
            print("cleanup")


Table.__iter__ = lambda self: iter([7])


class Store:
    @staticmethod
    def rows(n):
        try:
            yield n
        finally:
            print("cleanup")


setattr(Store, "rows", staticmethod(lambda n: iter([n * 10])))


def listed(cls):
    cls.__iter__ = lambda self: iter([2])
    return cls


@listed
class Listed:
    def __iter__(self):
        try:
            yield 1
        finally:
            print("cleanup")


def first():
    for r in Table():
        break
    for s in Store.rows(3):
        break
    for t in Listed():
        break
    return r, s, t


print(first())
