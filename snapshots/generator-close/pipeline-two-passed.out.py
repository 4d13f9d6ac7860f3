# `pairs(a, b)` reads both generators it is given: CPython closed `lines("a")` first as it dropped `pairs(…)`'s
# frame (its variables in their order). Calls of a generator function of the file over plain arguments run none of
# its code: the last one's fix goes first (outermost), and `lines("a")` is closed first. Where the later ones cannot
# be made first (`lines(tag("b"))` runs code), the fixes are unsafe (unsafe/pipeline-two-passed).
order = []


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
    gen2 = lines("b")
    try:
        gen = lines("a")
        try:
            return next(pairs(gen, gen2))
        finally:
            gen.close()
    finally:
        gen2.close()
