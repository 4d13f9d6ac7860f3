import threading

lock = threading.Lock()


class Store:
    def rows(self):
        with lock:
            yield 1
            yield 2


class A(Store):
    # Not fixed: `C(A, B)` puts `B` ahead of `Store`: on a `C`, `self.rows()` here is `B.rows`.
    def first(self):
        for r in self.rows():
            return r


class B(Store):
    def rows(self):
        return [3]


class C(A, B):
    pass


class Listed(Store):
    # Not fixed: `type()` makes a subclass whose namespace withify does not read.
    def first(self):
        for r in self.rows():
            return r


ns = {"rows": lambda self: [4]}
Made = type("Made", (Listed,), ns)


class Viewing:
    def __getattribute__(self, name):
        if name == "items":
            return lambda: [5]
        return object.__getattribute__(self, name)


class Viewed(Viewing):
    def items(self):
        with lock:
            yield 1

    # Not fixed: `Viewing.__getattribute__` above hands out a lambda for `items`.
    def first(self):
        for r in self.items():
            return r


class Making:
    def __new__(cls, n=0):
        if n > 2:
            return list(range(n))
        return super().__new__(cls)


class Table(Making):
    def __iter__(self):
        with lock:
            yield 1


def first_table(n):
    # Not fixed: `Making.__new__` may return a list.
    for r in Table(n):
        return r


# Not read as a class: type("Sub", (Store,), {"rows": None}) in a comment.
