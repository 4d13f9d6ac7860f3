# A `*` argument runs before the keywords written ahead of it: its resource is the statement's first code and moves into the header.
def show(*parts, **named):
    return named, parts


def stamp():
    print("stamp")
    return "t"


def load(path):
    with open(path) as f:
        return show(text=stamp(), *f.readlines())


def reread(path):
    with open(path) as f:
        return show(n=open(path, "w").write("x"), *f.readlines())


def load_literal(path):
    with open(path) as f:
        return show(text=f.read(), *["a", "b"])
