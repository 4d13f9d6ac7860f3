# A `global` or `nonlocal` statement lets another function bind the name of a generator's class or
# nested def again (`Table = FastTable`, `rows = lambda n: data[:n]`): the call may then return a
# list, whose `close()` does not exist. Neither is fixed.
state = {"closed": 0}


class Table:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        try:
            yield from range(self.n)
        finally:
            state["closed"] += 1


class FastTable(list):
    def __init__(self, n):
        super().__init__(range(n))


def use_fast():
    global Table
    Table = FastTable


def outer(cache):
    def rows(n):
        try:
            yield from range(n)
        finally:
            state["closed"] += 1

    def use_cache():
        nonlocal rows
        data = list(range(5))
        rows = lambda n: data[:n]

    if cache:
        use_cache()
    for r in rows(5):
        if r > 1:
            return r


use_fast()
for r in Table(5):
    if r == 2:
        break
print(r, outer(True), outer(False), state)
