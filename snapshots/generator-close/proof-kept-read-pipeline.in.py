# Proof: `lines(n)` holds a lock while suspended. A generator kept in a name and read through a pass-through
# (`parsed(it)`, by `for`): dropping `parsed(it)` at the end of the statement leaves `it` to the name, which
# CPython closed when the function returned; PyPy only when its GC collects it. In `first_tracked` the
# pass-through has cleanup of its own: CPython closed `tracked(it)` at the statement, `it` at the return.
import threading

lock = threading.Lock()
order = []


def lines(n):
    with lock:
        try:
            yield from range(n)
        finally:
            order.append("lines")


def parsed(it):
    for x in it:
        yield x * 10


def tracked(it):
    try:
        for x in it:
            yield x
    finally:
        order.append("tracked")


def first(n):
    it = lines(n)
    x = next(parsed(it))
    order.append("read")
    return x


def first_tracked(n):
    it = lines(n)
    x = next(tracked(it))
    order.append("read")
    return x


print(first(5), lock.locked(), order)
assert not lock.locked(), "the lock is still held: lines() has not left its with"
assert order == ["read", "lines"], order
del order[:]
print(first_tracked(5), lock.locked(), order)
assert not lock.locked(), "the lock is still held after first_tracked()"
assert order == ["tracked", "read", "lines"], order
