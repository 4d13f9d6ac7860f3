# `value = next(rows(a,` / `b))`: the call moves to `gen = rows(`, its argument lines with it.
def rows(a, b):
    try:
        yield a
    finally:
        print("done", b)


def first(a, b):
    value = next(rows(a,
                      b))
    return value
