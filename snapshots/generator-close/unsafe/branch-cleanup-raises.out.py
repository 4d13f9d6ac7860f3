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
    gen = None
    try:
        for x in ((gen := locked(n)) if strict else (gen := rows(n))):
            break
    finally:
        if gen is not None:
            gen.close()
    return x
