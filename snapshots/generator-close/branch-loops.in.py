# Loops over a generator made in a branch (`… if … else …`, `and`, `or`): bound where it is made with `:=`, closed after the loop only if it was made.
import itertools


def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows cleanup", n)


def other(n):
    with open(__file__):
        yield from range(n)


def first_over(limit, cached):
    for x in (rows(limit) if cached is None else cached):
        if x > 1:
            break
    for x in cached and rows(limit):
        break
    for x in rows(limit) or [0]:
        break
    # one name for both branches: only one of them is made
    for x in (rows(limit) if limit > 2 else other(limit)):
        break
    # a wrapper around the branch, and `zip` made over two generators in one branch: one name each
    for x in itertools.islice(rows(limit) if cached is None else cached, 2):
        pass
    for a, b in zip(rows(limit), other(limit)) if limit else []:
        break
    return x


async def arows(n):
    try:
        yield n
    finally:
        print("arows cleanup", n)


async def afirst(n, cached):
    async for x in (arows(n) if cached is None else cached):  # a comment stays
        return x
