# A generator kept in a variable and read in a list comprehension: the comprehension runs where it stands, so
# the read is the function's own, and the generator is closed at the function's end as CPython dropped it
# (review rw1). Read in a generator expression, which may run after the return: not flagged.
def rows(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("rows closed")


def first_two(n):
    it = rows(n)
    got = [next(it) for _ in range(2)]
    print("read", got)
    return got


def lazily(n):
    it = rows(n)
    return (next(it) for _ in range(2))
