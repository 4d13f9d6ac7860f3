# An object whose `__iter__` is a generator with cleanup, bound earlier in the function, holds no generator until
# it is iterated: dropping it at the return runs no cleanup, so closing `b` before it changes no order. Fixed
# (against unsafe/kept-behind-nested, where `a` is a generator already started).
def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows finally", n)


class Table:
    def __iter__(self):
        try:
            yield 1
        finally:
            print("table finally")


def pick(c):
    if c:
        t = Table()
        print(t)
    b = rows(2)
    return next(b)
