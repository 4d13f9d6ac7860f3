# The one fix closes whichever branch made its generator; one of them raises in its `finally`: unsafe for both.
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
