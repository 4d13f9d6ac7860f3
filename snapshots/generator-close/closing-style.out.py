"""--generator-style closing: `with contextlib.closing(...)`, the import added after the docstring."""
from __future__ import annotations
import contextlib


def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


with contextlib.closing(produce(5)) as gen:
    for x in gen:
        if x:
            break
with contextlib.closing(produce(2)) as gen2:
    first = next(gen2)
