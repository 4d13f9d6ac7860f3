# Proof: a loop over an object whose __iter__ is a generator holding a lock leaves early; PyPy runs the
# generator's `with` exit only when its GC collects it, so the lock is still held after the return.
import threading

lock = threading.Lock()


class Table:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        with lock:
            for i in range(self.n):
                yield i


def first_big(n):
    gen = iter(Table(n))
    try:
        for r in gen:
            if r > 1:
                return r
    finally:
        gen.close()


def has_big(n):
    gen = iter(Table(n))
    try:
        return any(r > 1 for r in gen)
    finally:
        gen.close()


print(first_big(5), lock.locked())
assert not lock.locked(), "the lock is still held: Table.__iter__'s with has not exited"
print(has_big(5), lock.locked())
assert not lock.locked(), "the lock is still held after any()"
