# A plain function that only returns a fresh generator (`return _rows(n)`, `return self._items()`) is followed:
# a loop over its call that leaves early is closed as a loop over the generator itself.
import threading

lock = threading.Lock()


def _rows(n):
    with lock:
        yield from range(n)


def rows(n):
    """The rows, under the lock."""
    return _rows(n)


def rows_inline(n): return _rows(n)


def rows_either(n, again):
    if again:
        return rows(n)
    else:
        return _rows(n)


class Store:
    def _items(self):
        with lock:
            yield 1
            yield 2

    def items(self):
        return self._items()

    def __iter__(self):
        return self._items()

    def first(self):
        for x in self.items():
            return x


def first_big(n):
    for r in rows(n):
        if r > 1:
            return r


def one_line(n):
    for r in rows_inline(n):
        break


def either(n):
    for r in rows_either(n, False):
        break


def kept(n):
    it = rows(n)
    return next(it)


def any_big(n):
    return any(r > 1 for r in rows(n))


def first_of_store():
    for x in Store():
        return x
