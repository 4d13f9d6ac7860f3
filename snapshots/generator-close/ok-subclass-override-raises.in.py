# Reported without a safe fix: self.rows() may reach a subclass's override whose close raises (StrictStore.rows), also through a base method that delegates to it (yield from self._rows())
class Store:
    def rows(self):
        try:
            yield 1
            yield 2
        finally:
            print("cleanup")

    def _items(self):
        try:
            yield 1
        finally:
            print("cleanup")

    def items(self):
        yield from self._items()

    def first(self):
        for r in self.rows():
            return r

    def first_item(self):
        for r in self.items():
            return r


class StrictStore(Store):
    def rows(self):
        try:
            yield 10
        finally:
            raise RuntimeError("abandoned stream")

    def _items(self):
        try:
            yield 10
        finally:
            raise RuntimeError("abandoned items")
