import threading

lock = threading.Lock()


class Store:
    def rows(self):
        with lock:
            yield 1
            yield 2


class Cached(Store):
    # Not fixed: a subclass of `Cached` overrides `rows` with a plain method (reported without a fix).
    def first(self):
        for r in self.rows():
            return r


class Listed(Cached):
    def rows(self):
        return [3]


class Own(Store):
    rows = None

    # Not flagged: `Own` binds `rows` itself.
    def first(self):
        for r in self.rows():
            return r


class Two(Store, dict):
    # Not flagged: with two bases, what `self.rows` is depends on the whole MRO, which withify does not read here.
    def first(self):
        for r in self.rows():
            return r


class Relay(Store):
    def rows(self):
        # Not fixed: `Mixed` below has two bases; on a `Mixed`, `super()` here reaches `Other.rows`.
        for r in super().rows():
            return [r]


class Other(Store):
    def rows(self):
        return [4]


class Mixed(Relay, Other):
    pass


def build():
    # Not flagged: a decorated class may be given another `rows`.
    return decorate


def decorate(cls):
    return cls


@decorate
class Decorated(Store):
    def first(self):
        for r in self.rows():
            return r


class Rebound(Store):
    def first(self):
        for r in self.rows():
            return r


Rebound = decorate(Rebound)
