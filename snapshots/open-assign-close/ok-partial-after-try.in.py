# a `partial` around the path made in the function, called after the `try`
import functools

def append_to(path, t):
    with open(path, "a") as o:
        o.write(t)

def main(p, bad):
    w = functools.partial(append_to, p)
    try:
        f = open(p, "a")
        f.write("first\n")
        if bad:
            raise ValueError
        f.close()
    except ValueError:
        pass
    w("after\n")
