import threading

lock = threading.Lock()


def _plain(self):
    return [10, 20]


class Hooked:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        for name in ("rows",):
            setattr(cls, name, _plain)

    def rows(self):
        with lock:
            yield 1


class HookedSub(Hooked):
    # Not flagged: `__init_subclass__` sets an attribute on subclasses by a name not spelt.
    def first(self):
        for r in self.rows():
            return r
