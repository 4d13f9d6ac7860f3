import threading

lock = threading.Lock()


class Store:
    def rows(self):
        with lock:
            yield 1
            yield 2


class ListStore(Store):
    # Fixed: `rows` is inherited from `Store`, a generator holding a lock.
    def first(self):
        for r in self.rows():
            return r


class SortedStore(ListStore):
    # Fixed: inherited through a chain of classes of one base each.
    def first_sorted(self):
        for r in self.rows():
            if r:
                break
        return r


class Overriding(Store):
    def rows(self):
        # Fixed: `super()` in a class no class of several bases derives from reaches `Store.rows`.
        for r in super().rows():
            return [r]

    def both(self):
        for r in super(Overriding, self).rows():
            return r
