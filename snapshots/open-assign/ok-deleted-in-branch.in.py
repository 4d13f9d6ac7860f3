# `del f` is where CPython closed (and flushed) the file. Where more code of the block runs after it (the other
# branch still writes), a `with` would hold the file past the `del`: a read of the path there would see less.
def save(p, c):
    f = open(p, "w")
    f.write("data")
    if c:
        del f
        with open(p) as r:
            print("on disk:", repr(r.read()))
    else:
        f.write("more")


def save_parenthesised(p, c):
    f = open(p, "w")
    f.write("data")
    if c:
        del (f)
        print("deleted")
    else:
        f.write("more")
