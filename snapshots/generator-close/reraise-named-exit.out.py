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
    gen = rows()
    try:
        for r in gen:
            return r
    finally:
        gen.close()


def first_quiet():
    gen = quiet_rows()
    try:
        for r in gen:
            return r
    finally:
        gen.close()
