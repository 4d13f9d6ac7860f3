# A kept pipeline read in a `try` that handles exceptions: one raised inside `parsed` ends it, and CPython closed
# `lines()` as the handler ended (the traceback held `parsed`'s frame until then); the fix closes it at the end.
def lines(path):
    try:
        yield "1\n"
        yield "x\n"
    finally:
        print("lines cleanup")


def parsed(it):
    for line in it:
        yield int(line)


def total(path):
    gen = lines(path)
    it = parsed(gen)
    try:
        n = 0
        try:
            n += next(it)
            n += next(it)
        except ValueError:
            print("handler: bad line")
        print("more work")
        return n
    finally:
        gen.close()
