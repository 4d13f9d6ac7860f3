# The file sets `itertools.count` for good: its calls may run anything, so the generator is not made ahead of
# them (a generator made ahead of a plain `itertools.count()` is: zip-range-first).
import itertools


def counting():
    print("counting")
    return iter([1, 2, 3])


itertools.count = counting


def rows(path):
    try:
        yield path
        yield path + "!"
    finally:
        print("rows closed")


def first_counted(path):
    for i, r in zip(itertools.count(), rows(path)):
        return i, r
