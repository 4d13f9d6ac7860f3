# An exception the handler takes goes on to the code after the `try` with `f` still open in the original (flushed as
# the function returns); a `with` would flush it first, before that code writes the same path
def log(fail):
    f = open("v.txt", "a")
    try:
        f.write("h")
        if fail:
            raise ValueError("boom")
        f.close()
    except ValueError:
        pass
    with open("v.txt", "a") as o:
        o.write("w")


def each(paths, fail):
    for p in paths:
        f = open("v.txt", "a")
        try:
            f.write(p)
            if fail:
                raise ValueError(p)
            f.close()
        except ValueError:
            # The loop goes on to its next turn (and the code after it) with `f` open in the original
            continue
    with open("v.txt", "a") as o:
        o.write("w")


def suppressed(fail):
    import contextlib

    with contextlib.suppress(ValueError):
        f = open("v.txt", "a")
        f.write("h")
        if fail:
            raise ValueError("boom")
        f.close()
    with open("v.txt", "a") as o:
        o.write("w")
