# Not fixed: what runs ahead of the generator's call may run code of the program (a user function, an impure argument, a `range` bound again), or the call itself runs code (`__init__` of a class whose `__iter__` is the generator, a def that returns a generator).
import itertools


def rows(path):
    f = open(path)
    try:
        for line in f:
            yield line.strip()
    finally:
        f.close()


class Table:
    def __init__(self, path):
        print("init")
        self.path = path

    def __iter__(self):
        return rows(self.path)


def returned(path):
    print("returned runs")
    return rows(path)


def names():
    print("names runs")
    return "ab"


def through_class(path):
    for i, r in zip(range(2), Table(path)):
        print(i, r)


def impure_range(path, it):
    for i, r in zip(range(next(it)), rows(path)):
        print(i, r)


def impure_argument(path, it):
    for i, r in zip(range(2), rows(next(it))):
        print(i, r)


def user_function_first(path):
    for i, r in zip(names(), rows(path)):
        print(i, r)


def through_returner(path):
    for i, r in zip(itertools.count(), returned(path)):
        print(i, r)


def rebound_range(path):
    range = lambda n: print("mine") or [0, 1]
    for i, r in zip(range(2), rows(path)):
        print(i, r)


# An f-string argument runs its fields' `__format__` when the call is made: not ahead of `range(2)`.
def formatted_argument(path, tag):
    for i, r in zip(range(2), rows(f"{path}-{tag}")):
        print(i, r)
