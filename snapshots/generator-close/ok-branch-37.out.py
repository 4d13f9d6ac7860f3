# With --target-version 3.7 there is no `:=` to bind a generator made in a branch where it is made: reported.
def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows cleanup", n)


def first(n, fallback):
    for x in (rows(n) if n else fallback):
        break
    return next(rows(n) or iter(fallback))
