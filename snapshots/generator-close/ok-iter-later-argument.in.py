# Reported without a fix: an object whose __iter__ makes the generator, passed to zip/map before an argument that runs code (zip calls __iter__ after that argument has run), or to itertools.chain (which calls it only when it gets to it)
import itertools


def side(tag):
    print("side", tag)
    return [tag, tag, tag]


class Table:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        print("iter called", self.n)
        return self._items()

    def _items(self):
        try:
            for i in range(self.n):
                yield i
        finally:
            print("cleanup", self.n)


def pairs():
    for a, b in zip(Table(3), side("z")):
        break
    for a, b in map(lambda x, y: (x, y), Table(4), side("m")):
        break
    for a in itertools.chain(["x", "y"], Table(5)):
        break
