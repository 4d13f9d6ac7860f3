# `open(file=p, mode="a")` in the `try`, the path appended to after it
def main(p, bad):
    try:
        f = open(file=p, mode="a")
        f.write("first\n")
        if bad:
            raise ValueError
        f.close()
    except ValueError:
        pass
    with open(p, "a") as g:
        g.write("after\n")
