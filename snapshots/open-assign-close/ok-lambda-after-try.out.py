# a lambda around the path made in the function, called after the `try`
def main(p, bad):
    w = lambda t: open(p, "a").write(t)
    try:
        f = open(p, "a")
        f.write("first\n")
        if bad:
            raise ValueError
        f.close()
    except ValueError:
        pass
    w("after\n")
