# Proof: `it = islice(rows(n), 2)`, read to its end, leaves `rows(n)` suspended inside its `with`; CPython closed
# the generator with the wrapper when the function returned, PyPy only when its GC runs: the lock stays held.
import threading
from itertools import islice

lock = threading.Lock()


def rows(n):
    with lock:
        yield from range(n)


def head(n):
    it = islice(rows(n), 2)
    total = 0
    for r in it:
        total += r
    return total


print(head(5), lock.locked())
assert not lock.locked(), "the lock is still held: rows() has not left its with"
