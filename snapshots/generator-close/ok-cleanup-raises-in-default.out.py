# A `finally` that raises in a default value it evaluates (`lambda e=1 / 0: e`): CPython printed "Exception
# ignored in" when it dropped the generator, an explicit close() would raise ZeroDivisionError at the `break`.
# Not fixed without --unsafe-fixes.


def rows():
    try:
        yield 1
    finally:
        handler = lambda e=1 / 0: e


def first():
    for r in rows():
        break
    return r
