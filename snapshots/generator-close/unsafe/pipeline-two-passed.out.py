# `pairs(a, b)` reads both generators it is given: CPython closed `lines("a")` first as it dropped `pairs(…)`'s
# frame. `tag("b")` runs code, so `lines(tag("b"))` cannot be made ahead of `lines("a")`: the fixes close the last made
# first, and are unsafe (--unsafe-fixes only).
order = []


def tag(t):
    return t


def lines(name):
    try:
        yield from range(3)
    finally:
        order.append(name)


def pairs(a, b):
    for x in a:
        for y in b:
            yield x, y


def first():
    gen = lines("a")
    try:
        gen2 = lines(tag("b"))
        try:
            return next(pairs(gen, gen2))
        finally:
            gen2.close()
    finally:
        gen.close()
