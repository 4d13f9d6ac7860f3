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
        for r in self.rows():
            return r


class Wrapped(Store):
    def rows(self):
        for r in super().rows():
            return [r]


print(ListStore().first(), lock.locked())
assert not lock.locked(), "the lock is still held: Store.rows's with has not exited"
print(Wrapped().rows(), lock.locked())
assert not lock.locked(), "the lock is still held after super().rows()"
