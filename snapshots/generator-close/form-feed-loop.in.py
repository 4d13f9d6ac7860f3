# A loop over a generator with cleanup, on a line that starts with a form feed: the generator is made on the
# form feed's line, the `try` below it at the same indentation.


def rows():
    try:
        yield 1
    finally:
        print("bye")


def first():
    n = 0
    for x in rows():
        break
    return n


def head():
    it = rows()
    value = next(it)
    return value
