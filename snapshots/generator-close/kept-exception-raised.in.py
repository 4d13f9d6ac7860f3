# An exception that leaves the function (`raise Other() from e`), or is only looked at (`e.args`, `str(e)`), keeps
# nothing past its handler: the kept generator is fixed as usual.
def rows():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


def f(s):
    it = rows()
    first = next(it)
    try:
        return first + int(s)
    except ValueError as e:
        if e.args:
            print("bad", str(e))
        raise RuntimeError("no number") from e
