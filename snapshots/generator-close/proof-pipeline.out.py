# Proof: `lines(p)` holds a lock while suspended; `parsed()` and `numbered()` only iterate the generator they are
# given. `next(parsed(lines(p)))` and a loop that breaks stop reading the pipeline early: CPython closed
# `lines(p)` as it dropped the outer generator's frame, PyPy only when its GC collects both. In `first_pair`
# the outer generator has cleanup of its own too; CPython closed it first, then `lines(p)`.
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


def numbered(start, it):
    n = start
    for x in it:
        yield n, x
        n += 1


def tracked(it):
    try:
        for x in it:
            yield x
    finally:
        order.append("tracked")


def first(n):
    gen = lines(n)
    try:
        return next(parsed(gen))
    finally:
        gen.close()


def first_big(n):
    gen = lines(n)
    try:
        for k, x in numbered(1, parsed(gen)):
            if x > 10:
                return k, x
    finally:
        gen.close()


def first_pair(n):
    gen2 = lines(n)
    try:
        gen = tracked(gen2)
        try:
            return next(gen)
        finally:
            gen.close()
    finally:
        gen2.close()


print(first(5), lock.locked())
assert not lock.locked(), "the lock is still held: lines() has not left its with"
print(first_big(5), lock.locked())
assert not lock.locked(), "the lock is still held after the loop over numbered(parsed(lines()))"
print(first_pair(5), lock.locked(), order)
assert not lock.locked(), "the lock is still held after next(tracked(lines()))"
assert order[-2:] == ["tracked", "lines"], order
