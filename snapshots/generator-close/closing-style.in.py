"""--generator-style closing: `with contextlib.closing(...)`, the import added after the docstring."""
from __future__ import annotations


def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


for x in produce(5):
    if x:
        break
first = next(produce(2))
