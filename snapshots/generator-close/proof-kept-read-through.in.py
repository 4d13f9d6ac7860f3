# Proof: a generator kept in a name and read through `zip` or `enumerate(islice(...))` in a loop's header, and tee
# objects read through `zip`: CPython closed the generator as the function returned, PyPy only when its GC runs.
# The log must show the generator's `finally` where CPython ran it.
from itertools import islice, tee

log = []


def rows(n):
    try:
        yield from range(n)
    finally:
        log.append("rows done")


def labelled(n, names):
    it = rows(n)
    first = next(it)
    for x, name in zip(it, names):
        log.append(name)
    return first


def counted(n):
    it = rows(n)
    for i, x in enumerate(islice(it, 2)):
        log.append(i)


def pairs(n):
    a, b = tee(rows(n))
    next(b, None)
    for x, y in zip(a, b):
        if y > 2:
            return x


labelled(5, ["a", "b"])
log.append("returned")
counted(5)
log.append("returned")
pairs(6)
log.append("returned")
print(log)
assert log == ["a", "b", "rows done", "returned", 0, 1, "rows done", "returned", "rows done", "returned"], log
