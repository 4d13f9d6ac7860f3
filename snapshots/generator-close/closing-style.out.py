"""--generator-style closing: `with contextlib.closing(...)`, the import added after the docstring."""
from __future__ import annotations
import contextlib


def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


with contextlib.closing(produce(5)) as _gen:
    for x in _gen:
        if x:
            break
with contextlib.closing(produce(2)) as _gen2:
    first = next(_gen2)
