# Proof: `lines(n)` holds a lock while suspended; `parsed()` only iterates the generator it is given, `tracked()`
# too, with cleanup of its own. A pipeline kept in a name and read in part: CPython closed `lines(n)` when the
# function returned (it dropped `it`, and the outer generator's frame with it), PyPy only when its GC collects
# them. In `first_tracked` CPython closed `tracked(…)` first, then `lines(n)`.
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
    it = parsed(lines(n))
    x = next(it)
    order.append("read")
    return x


def first_tracked(n):
    it = tracked(lines(n))
    x = next(it)
    order.append("read")
    return x


print(first(5), lock.locked(), order)
assert not lock.locked(), "the lock is still held: lines() has not left its with"
assert order == ["read", "lines"], order
del order[:]
print(first_tracked(5), lock.locked(), order)
assert not lock.locked(), "the lock is still held after first_tracked()"
assert order == ["read", "tracked", "lines"], order
