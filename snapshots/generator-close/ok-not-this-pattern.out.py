# Negatives: nothing here is rewritten.
import contextlib
from somewhere import remote


def plain(n):
    # No `finally`, no `with`: abandoning it is harmless.
    yield from range(n)


def produce(n):
    try:
        yield from range(n)
    finally:
        print("cleanup")


@contextlib.contextmanager
def managed():
    try:
        yield 1
    finally:
        pass


def caught():
    try:
        yield 1
    except Exception:
        pass


for x in plain(3):
    break

for x in produce(3):
    print(x)

for x in produce(3):
    for y in range(x):
        if y:
            break
    continue

for x in remote(3):
    break

rows = produce(3)
for x in rows:
    break

items = list(produce(3))
total = sum(x for x in produce(3))
with managed() as m:
    pass
for x in caught():
    break
