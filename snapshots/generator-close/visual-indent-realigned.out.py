# `value = next(rows(a,` / `b))`: the call moves to `gen = rows(`, its argument lines with it.
def rows(a, b):
    try:
        yield a
    finally:
        print("done", b)


def first(a, b):
    gen = rows(a,
               b)
    try:
        value = next(gen)
    finally:
        gen.close()
    return value
