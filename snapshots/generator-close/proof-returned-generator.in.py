# Proof: `rows(n)` only returns `_rows(n)`, a generator holding a lock; a loop over `rows(n)` that returns
# early leaves the generator suspended inside its `with`, and PyPy releases the lock only when its GC
# collects it. The same through a method (`self.items()`) and through `__iter__`.
import threading

lock = threading.Lock()


def _rows(n):
    with lock:
        yield from range(n)


def rows(n):
    return _rows(n)


class Table:
    def __init__(self, n):
        self.n = n

    def _items(self):
        with lock:
            yield from range(self.n)

    def items(self):
        return self._items()

    def __iter__(self):
        return self._items()

    def first_big(self):
        for r in self.items():
            if r > 1:
                return r


def first_big(n):
    for r in rows(n):
        if r > 1:
            return r


def first_in_table(n):
    for r in Table(n):
        if r > 1:
            return r


print(first_big(5), lock.locked())
assert not lock.locked(), "the lock is still held: rows()'s generator has not left its with"
print(Table(5).first_big(), lock.locked())
assert not lock.locked(), "the lock is still held after self.items()"
print(first_in_table(5), lock.locked())
assert not lock.locked(), "the lock is still held after iter(Table(n))"
