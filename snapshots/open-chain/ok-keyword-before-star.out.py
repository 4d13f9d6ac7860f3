# Reported without a fix: CPython runs every `*` argument before the keywords, even one written after them, so the keyword's resource is not the statement's first code.
def show(*parts, **named):
    return named, parts


def note(tag):
    print(tag)
    return ()


def load(path):
    return show(text=open(path).read(), *note("x"))


def load_mixed(path, tail):
    return show(1, "a", text=open(path).read(), *tail)
