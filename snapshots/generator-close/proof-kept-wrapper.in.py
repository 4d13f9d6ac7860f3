# Proof: `it = islice(rows(n), 2)`, read to its end, leaves `rows(n)` suspended inside its `with`; CPython closed
# the generator as the loop ended (islice lets go of it after its last item), PyPy only when its GC runs: the lock
# stays held. Nothing runs after the loop but the return, so the fix closing it at the return is safe.
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
