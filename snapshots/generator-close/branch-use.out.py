# A use that itself sits in a branch (`next(…) if d else None`, `d and next(…)`): the generator is made only when the branch runs, so it is bound where it is made with `:=` and closed right after the statement only if it was made.
import os


def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows cleanup", n)


def other(n):
    try:
        yield from range(n, 0, -1)
    finally:
        print("other cleanup", n)


class Table:
    def __iter__(self):
        try:
            yield 1
        finally:
            print("table cleanup")


def head(n, d):
    gen = None
    try:
        x = next((gen := rows(n))) if d else None
    finally:
        if gen is not None:
            gen.close()
    gen2 = None
    try:
        y = d and next((gen2 := rows(n)), None)
    finally:
        if gen2 is not None:
            gen2.close()
    gen3 = None
    try:
        z = None if d else next((gen3 := rows(n)))  # a comment after it
    finally:
        if gen3 is not None:
            gen3.close()
    w = d or any(r > 1 for r in rows(n))
    gen4 = None
    try:
        v = d and not any((gen4 := iter(Table())))
    finally:
        if gen4 is not None:
            gen4.close()
    return x, y, z, w, v


def either(n, d):
    """One use runs or the other: one name for both generators."""
    gen = None
    try:
        return next((gen := rows(n))) if d else next((gen := other(n)))
    finally:
        if gen is not None:
            gen.close()


def inner(n, c, d):
    gen = None
    try:
        x = e = c and (next((gen := rows(n)) if n else iter([])) if d else None)
    finally:
        if gen is not None:
            gen.close()
    if d:
        gen2 = None
        try:
            there = n and 3 in (gen2 := rows(n))
        finally:
            if gen2 is not None:
                gen2.close()
    return x, e, there


def listed(p, d):
    entries = None
    try:
        return d and next((entries := os.scandir(p))).name
    finally:
        if entries is not None:
            entries.close()


async def arows(n):
    try:
        yield n
    finally:
        print("arows cleanup", n)


async def ahead(n, d):
    agen = None
    try:
        return await anext((agen := arows(n))) if d else None
    finally:
        if agen is not None:
            await agen.aclose()
