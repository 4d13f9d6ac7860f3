# Proof: `bytes`, `bytearray`, `dict.fromkeys`, `statistics.mean`, `math.fsum` read to the end what they are given,
# here an `islice` that stops reading the generator early (review rw2). PyPy runs its `finally` only at a later
# collection; after the fix each function closes it before it returns, as CPython did.
import math
import statistics
from itertools import islice

log = []


def rows(n=10):
    try:
        yield from range(n)
    finally:
        log.append("closed")


def as_bytes():
    return bytes(islice(rows(), 3))


def as_bytearray():
    return bytearray(islice(rows(), 3))


def as_keys():
    return dict.fromkeys(islice(rows(), 2), 0)


def as_mean():
    return statistics.mean(islice(rows(), 3))


def as_fsum():
    return math.fsum(islice(rows(), 4))


for f in (as_bytes, as_bytearray, as_keys, as_mean, as_fsum):
    log.clear()
    print(f.__name__, f(), log)
    assert log == ["closed"], f.__name__
