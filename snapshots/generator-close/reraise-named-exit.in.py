# A handler that re-raises the GeneratorExit it caught by name (`raise exc`, `raise exc from None`) lets close() return quietly: the fix is safe
def rows():
    try:
        yield 1
        yield 2
    except GeneratorExit as exc:
        print("closing")
        raise exc


def quiet_rows():
    try:
        yield 1
        yield 2
    except GeneratorExit as exc:
        raise exc from None


def first():
    for r in rows():
        return r


def first_quiet():
    for r in quiet_rows():
        return r
