# Proof: a pipeline kept in a name whose outer pass-through has cleanup of its own, over another pass-through.
# CPython's order depends on how the outer one reads: by `for` (`tracked`), its own cleanup ran first, then its
# frame let go of `parsed(…)` and so of `lines(n)`; by `yield from` (`tracked_from`), closing it closed `parsed(…)`
# first, whose frame let go of `lines(n)`, then its own cleanup ran. PyPy ran neither until its GC collected them.
order = []


def lines(n):
    try:
        yield from range(n)
    finally:
        order.append("lines")


def parsed(it):
    for x in it:
        yield x * 10


def tracked(it):
    try:
        for x in it:
            yield x
    finally:
        order.append("tracked")


def tracked_from(it):
    try:
        yield from it
    finally:
        order.append("tracked_from")


def by_for(n):
    it = tracked(parsed(lines(n)))
    x = next(it)
    order.append("read")
    return x


def by_yield_from(n):
    it = tracked_from(parsed(lines(n)))
    x = next(it)
    order.append("read")
    return x


print(by_for(3), order)
assert order == ["read", "tracked", "lines"], order
del order[:]
print(by_yield_from(3), order)
assert order == ["read", "lines", "tracked_from"], order
