def config_path(p):
    # The inner chain names the file the outer one reads: it is fixed first, the outer one next.
    with open(p) as f:
        with open(f.read().strip()) as fh:
            return fh.read()


def two_in_one(a, b):
    with open(a) as f:
        return f.read() + open(b).read()


def copy(p, out):
    with open(out, "w") as f, open(p) as fh:
        f.write(fh.read())
