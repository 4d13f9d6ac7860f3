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
        gen = self.items()
        try:
            for x in gen:
                return x
        finally:
            gen.close()


def first_big(n):
    gen = rows(n)
    try:
        for r in gen:
            if r > 1:
                return r
    finally:
        gen.close()


def one_line(n):
    gen = rows_inline(n)
    try:
        for r in gen:
            break
    finally:
        gen.close()


def either(n):
    gen = rows_either(n, False)
    try:
        for r in gen:
            break
    finally:
        gen.close()


def kept(n):
    it = rows(n)
    try:
        return next(it)
    finally:
        it.close()


def any_big(n):
    gen = rows(n)
    try:
        return any(r > 1 for r in gen)
    finally:
        gen.close()


def first_of_store():
    gen = iter(Store())
    try:
        for x in gen:
            return x
    finally:
        gen.close()
