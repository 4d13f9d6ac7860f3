# Proof: `a, b = tee(rows(n))` read in part, and `for r in tee(rows(n))[0]: break`: CPython closed `rows(n)` as the
# last tee object went (at the return; at the end of the loop, the other going with the tuple), PyPy only when its
# GC runs. The log must show the generator's `finally` where CPython ran it.
from itertools import tee

log = []


def rows(n):
    try:
        yield from range(n)
    finally:
        log.append("rows done")


def peek(n):
    gen = rows(n)
    a, b = tee(gen)
    try:
        first = next(a)
        log.append("read a")
        second = next(b)
        log.append("read b")
        return first + second
    finally:
        gen.close()


def first_big(n):
    gen = rows(n)
    try:
        for r in tee(gen)[0]:
            if r > 1:
                break
    finally:
        gen.close()
    log.append("after the loop")
    return r


print(peek(5))
log.append("returned")
print(first_big(5))
print(log)
assert log == ["read a", "read b", "rows done", "returned", "rows done", "after the loop"], log
