# a call given the path in a lambda, after the `try`
def append_to(path, t):
    with open(path, "a") as o:
        o.write(t)

def main(p, bad):
    try:
        f = open(p, "a")
        f.write("first\n")
        if bad:
            raise ValueError
        f.close()
    except ValueError:
        pass
    list(map(lambda t: append_to(p, t), ["after\n"]))
