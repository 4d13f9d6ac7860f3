# Reported without a fix: a subclass overrides the generator method with one that returns a list (no close()).
class Store:
    def rows(self):
        try:
            yield 1
            yield 2
        finally:
            print("cleanup")

    def first(self):
        for row in self.rows():
            return row

    def head(self):
        # kept in a variable: the same
        it = self.rows()
        return next(it)


class Cached(Store):
    def rows(self):
        return [3, 4]


print(Store().first(), Cached().first(), Store().head())
