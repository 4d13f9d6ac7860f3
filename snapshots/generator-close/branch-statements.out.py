# `next`, `any`, `in` and `anext` over a generator made in a branch: bound where it is made with `:=`, closed after the statement only if it was made.
import os


def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows cleanup", n)


def head(n, fallback):
    gen = None
    try:
        first = next((gen := rows(n)) if n else iter(fallback))
    finally:
        if gen is not None:
            gen.close()
    gen2 = None
    try:
        found = any((gen2 := rows(n)) if n > 1 else fallback)
    finally:
        if gen2 is not None:
            gen2.close()
    if n:
        gen3 = None
        try:
            there = 3 in (n > 4 and (gen3 := rows(n)))
        finally:
            if gen3 is not None:
                gen3.close()
    gen4 = None
    try:
        return next(
            (gen4 := rows(n))  # the generator
            if n > 5
            else iter(fallback),
            None,
        )
    finally:
        if gen4 is not None:
            gen4.close()


def listed(p, fallback):
    entries = None
    try:
        return next((entries := os.scandir(p)) if p else iter(fallback)).name
    finally:
        if entries is not None:
            entries.close()


async def arows(n):
    try:
        yield n
    finally:
        print("arows cleanup", n)


async def anext_of(n, fallback):
    agen = None
    try:
        return await anext((agen := arows(n)) if fallback is None else fallback)
    finally:
        if agen is not None:
            await agen.aclose()
