# A hanging indent (the bracket ends its line) is aligned with the statement, which does not move: it stays.
def write(path, data):
    with open(
        path, "w") as out:
        out.write(data)


def write_deep(path, data):
    with open(  # where
            path,
            "w") as x:
        x.write(data)


def write_inner(base, name, data):
    with open(
        os.path.join(base,
                     name), "w") as out:
        out.write(data)
