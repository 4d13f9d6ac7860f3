from os.path import *

__all__ = ["show"]


def rows(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("cleanup rows")


def show():
    return 1


_gen = rows(5)
try:
    for x in _gen:
        if x > 1:
            break
finally:
    _gen.close()
