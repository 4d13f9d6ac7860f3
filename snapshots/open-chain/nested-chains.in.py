def config_path(p):
    # The inner chain names the file the outer one reads: it is fixed first, the outer one next.
    return open(open(p).read().strip()).read()


def two_in_one(a, b):
    return open(a).read() + open(b).read()


def copy(p, out):
    open(out, "w").write(open(p).read())
