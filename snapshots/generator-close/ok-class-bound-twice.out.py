# Two classes of one name (`if PY3: class Store:` / `else: class Store:`): `self.rows()` in either may
# reach the plain `rows()` of the other's name, which returns a list with no `close()`. Not fixed.
import sys

state = {"closed": 0}

if sys.version_info >= (3, 0):
    class Store:
        def __init__(self, n):
            self.data = list(range(n))

        def rows(self):
            return list(self.data)

        def first_big(self):
            for r in self.rows():
                if r > 1:
                    return r
else:
    class Store:
        def __init__(self, n):
            self.n = n

        def rows(self):
            try:
                yield from range(self.n)
            finally:
                state["closed"] += 1

        def first_big(self):
            for r in self.rows():
                if r > 1:
                    return r


print(Store(5).first_big(), state)
