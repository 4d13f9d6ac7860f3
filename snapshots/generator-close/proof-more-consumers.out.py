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
    gen = rows()
    try:
        return bytes(islice(gen, 3))
    finally:
        gen.close()


def as_bytearray():
    gen = rows()
    try:
        return bytearray(islice(gen, 3))
    finally:
        gen.close()


def as_keys():
    gen = rows()
    try:
        return dict.fromkeys(islice(gen, 2), 0)
    finally:
        gen.close()


def as_mean():
    gen = rows()
    try:
        return statistics.mean(islice(gen, 3))
    finally:
        gen.close()


def as_fsum():
    gen = rows()
    try:
        return math.fsum(islice(gen, 4))
    finally:
        gen.close()


for f in (as_bytes, as_bytearray, as_keys, as_mean, as_fsum):
    log.clear()
    print(f.__name__, f(), log)
    assert log == ["closed"], f.__name__
