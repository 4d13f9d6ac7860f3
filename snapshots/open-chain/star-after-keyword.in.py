# A `*` argument runs before the keywords written ahead of it: its resource is the statement's first code and moves into the header.
def show(*parts, **named):
    return named, parts


def stamp():
    print("stamp")
    return "t"


def load(path):
    return show(text=stamp(), *open(path).readlines())


def reread(path):
    return show(n=open(path, "w").write("x"), *open(path).readlines())


def load_literal(path):
    return show(text=open(path).read(), *["a", "b"])
