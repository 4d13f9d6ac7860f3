# Proof: a method inherited from a base, and one reached by super(), are generators holding a lock; a loop over
# each leaves early, and PyPy runs the generator's `with` exit only when its GC collects it.
import threading

lock = threading.Lock()


class Store:
    def rows(self):
        with lock:
            yield 1
            yield 2


class ListStore(Store):
    def first(self):
        gen = self.rows()
        try:
            for r in gen:
                return r
        finally:
            gen.close()


class Wrapped(Store):
    def rows(self):
        gen = super().rows()
        try:
            for r in gen:
                return [r]
        finally:
            gen.close()


print(ListStore().first(), lock.locked())
assert not lock.locked(), "the lock is still held: Store.rows's with has not exited"
print(Wrapped().rows(), lock.locked())
assert not lock.locked(), "the lock is still held after super().rows()"
