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
        gen = self.rows()
        try:
            for r in gen:
                return r
        finally:
            gen.close()


class SortedStore(ListStore):
    # Fixed: inherited through a chain of classes of one base each.
    def first_sorted(self):
        gen = self.rows()
        try:
            for r in gen:
                if r:
                    break
        finally:
            gen.close()
        return r


class Overriding(Store):
    def rows(self):
        # Fixed: `super()` in a class no class of several bases derives from reaches `Store.rows`.
        gen = super().rows()
        try:
            for r in gen:
                return [r]
        finally:
            gen.close()

    def both(self):
        gen = super(Overriding, self).rows()
        try:
            for r in gen:
                return r
        finally:
            gen.close()
