# `del f` in the open's own block ends the uses of `f`: a read after it sees no value (it raises, or is on a path not
# taken), and the `with` ends at the `del`, where CPython closed (and flushed) the file
def save(p, debug):
    f = open(p, "w")
    f.write("data")
    del f
    print("on disk:", open(p).read())
    if debug:
        print(f.closed)


def append_after(p):
    # CPython closed the first file at the `del`, where the `with` ends: the second open finds it written
    f = open(p, "w")
    f.write("a")
    del f
    f = open(p, "a")
    f.write("b")
    print("mid:", open(p).read())
    f.close()
