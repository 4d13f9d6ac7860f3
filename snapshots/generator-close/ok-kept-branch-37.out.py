# With --target-version 3.7 there is no `:=` to bind a generator kept or used in a branch where it is made: reported.
def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows cleanup", n)


def kept(n, fallback):
    it = rows(n) if n else fallback
    for x in it:
        break
    return x


def used(n, d):
    return next(rows(n)) if d else None


def wrapped(n, names):
    pairs = zip(rows(n), names) if n else []
    for x in pairs:
        break
    return x
