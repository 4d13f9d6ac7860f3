# the same path opened to append before the `try`, written after it
def main(p, bad):
    with open(p, "a") as g:
        try:
            f = open(p, "a")
            f.write("first\n")
            if bad:
                raise ValueError
            f.close()
        except ValueError:
            pass
        g.write("after\n")
