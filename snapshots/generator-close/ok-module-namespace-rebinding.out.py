# The module binds its generator function's name again through its namespace: `vars()` and `locals()` are the
# module's dict at its top level, and `sys.modules[__name__]` is the module. A call may reach a list; not fixed.
import sys


def rows():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


def cells():
    try:
        yield 3
    finally:
        print("cleanup")


vars()["rows"] = lambda: [1, 2]
setattr(sys.modules[__name__], "cells", lambda: [3])


def head():
    for x in rows():
        break
    for y in cells():
        break
    return x, y


print(head())
