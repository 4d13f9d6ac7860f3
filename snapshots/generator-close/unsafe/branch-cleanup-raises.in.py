# With --unsafe-fixes: one fix binds both branches to one name; `locked` raises in its `finally`, so closing it here may raise.
def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows cleanup", n)


def locked(n):
    try:
        yield from range(n)
    finally:
        raise RuntimeError("still locked")


def first(n, strict):
    for x in (locked(n) if strict else rows(n)):
        break
    return x
