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
    gen = None
    try:
        for x in ((gen := rows(limit)) if cached is None else cached):
            if x > 1:
                break
    finally:
        if gen is not None:
            gen.close()
    gen2 = None
    try:
        for x in cached and (gen2 := rows(limit)):
            break
    finally:
        if gen2 is not None:
            gen2.close()
    gen3 = None
    try:
        for x in (gen3 := rows(limit)) or [0]:
            break
    finally:
        if gen3 is not None:
            gen3.close()
    # one name for both branches: only one of them is made
    gen4 = None
    try:
        for x in ((gen4 := rows(limit)) if limit > 2 else (gen4 := other(limit))):
            break
    finally:
        if gen4 is not None:
            gen4.close()
    # a wrapper around the branch, and `zip` made over two generators in one branch: one name each
    gen5 = None
    try:
        for x in itertools.islice((gen5 := rows(limit)) if cached is None else cached, 2):
            pass
    finally:
        if gen5 is not None:
            gen5.close()
    gen6 = None
    try:
        gen7 = None
        try:
            for a, b in zip((gen6 := rows(limit)), (gen7 := other(limit))) if limit else []:
                break
        finally:
            if gen7 is not None:
                gen7.close()
    finally:
        if gen6 is not None:
            gen6.close()
    return x


async def arows(n):
    try:
        yield n
    finally:
        print("arows cleanup", n)


async def afirst(n, cached):
    agen = None
    try:
        async for x in ((agen := arows(n)) if cached is None else cached):  # a comment stays
            return x
    finally:
        if agen is not None:
            await agen.aclose()
