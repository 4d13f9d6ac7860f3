# A lazy loop's `else:` runs after the loop ran out and CPython closed what it iterated: a `with` around the loop
# would hold it there, across a `yield` or an `await`, through a call of the function again, or with its lock
import shelve


def lines_then_end(p):
    for line in open(p):
        yield line
    else:
        yield "END"


async def count_then_wait(p, event):
    n = 0
    for line in open(p):
        n += 1
    else:
        await event.wait()
    return n


def walk(p, depth):
    for line in open(p):
        pass
    else:
        if depth:
            return walk(p, depth - 1)


def count_keys(path):
    n = 0
    for key in shelve.open(path, "r"):
        n += 1
    else:
        with shelve.open(path) as db:
            db["count"] = n
    return n
