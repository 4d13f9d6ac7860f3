# A hanging indent (the bracket ends its line) is aligned with the statement, which does not move: it stays.
def write(path, data):
    out = open(
        path, "w")
    out.write(data)


def write_deep(path, data):
    x = open(  # where
            path,
            "w")
    x.write(data)


def write_inner(base, name, data):
    out = open(
        os.path.join(base,
                     name), "w")
    out.write(data)
