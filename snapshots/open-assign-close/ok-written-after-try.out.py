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
