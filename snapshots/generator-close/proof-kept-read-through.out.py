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
    try:
        first = next(it)
        for x, name in zip(it, names):
            log.append(name)
        return first
    finally:
        it.close()


def counted(n):
    it = rows(n)
    try:
        for i, x in enumerate(islice(it, 2)):
            log.append(i)
    finally:
        it.close()


def pairs(n):
    gen = rows(n)
    a, b = tee(gen)
    try:
        next(b, None)
        for x, y in zip(a, b):
            if y > 2:
                return x
    finally:
        gen.close()


labelled(5, ["a", "b"])
log.append("returned")
counted(5)
log.append("returned")
pairs(6)
log.append("returned")
print(log)
assert log == ["a", "b", "rows done", "returned", 0, 1, "rows done", "returned", "rows done", "returned"], log
