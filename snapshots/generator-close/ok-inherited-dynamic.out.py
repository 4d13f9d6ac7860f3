import threading

lock = threading.Lock()


class Store:
    def rows(self):
        with lock:
            yield 1
            yield 2


class ListStore(Store):
    # Not fixed: `type()` makes a subclass of `ListStore` whose `rows` is a lambda returning a list.
    def first(self):
        for r in self.rows():
            return r


Sub = type("Sub", (ListStore,), {"rows": lambda self: [10, 20]})


class Relay(Store):
    def rows(self):
        # Not fixed: `type()` makes a class of two bases below `Relay`; `super()` here may reach `Other.rows`.
        for r in super().rows():
            return [r]


class Other(Store):
    def rows(self):
        return [4]


Combo = type("Combo", (Relay, Other), {})


class Viewed:
    def __getattribute__(self, name):
        if name == "rows":
            return lambda: [10, 20]
        return object.__getattribute__(self, name)

    def rows(self):
        with lock:
            yield 1

    # Not fixed: `__getattribute__` hands out a lambda for `rows`.
    def first(self):
        for r in self.rows():
            return r


class Made:
    def __new__(cls, n=0):
        if n > 2:
            return list(range(n))
        return super().__new__(cls)

    def __iter__(self):
        with lock:
            yield 1


class SubMade(Made):
    pass


def first_made(n):
    # Not fixed: `Made.__new__` may return a list, whose iterator has no `close()`.
    for r in Made(n):
        return r


def first_sub(n):
    for r in SubMade(n):
        return r
