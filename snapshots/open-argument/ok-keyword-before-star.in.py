# Reported without a fix: CPython runs every `*` argument before the keywords, even one written after them, so the keyword's file is not the statement's first code.
def lines(path):
    with open(path) as f:
        return f.readlines()


def copy_back(path):
    print(file=open(path, "w"), end="", *lines(path))


def copy_to(src, dst):
    print(sep="", file=open(dst, "w"), *open(src).readlines())


def copy_mixed(path, tail):
    print("-", sep="", file=open(path, "w"), *tail)
