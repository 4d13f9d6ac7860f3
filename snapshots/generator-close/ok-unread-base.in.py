# Not fixed: `Fast`'s base is a call withify cannot read, so it may derive from `Store`, and its `rows` returns a
# list: `gen.close()` in `Store.first` would raise AttributeError for a `Fast`.
class Store:
    def rows(self):
        try:
            yield 1
            yield 2
        finally:
            print("cleanup")

    def first(self):
        for r in self.rows():
            return r


def base():
    return Store


class Fast(base()):
    def rows(self):
        return [10, 20]
