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


for x in rows(5):
    if x > 1:
        break
