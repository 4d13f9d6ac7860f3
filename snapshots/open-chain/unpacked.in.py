# A file unpacked at once is read to its end in the statement: `*` in a call, or an assignment to several names.
def header(p):
    key, value = open(p)
    return key, value


def show(p):
    print(*open(p), sep="")


def first_line(p):
    first, *rest = (open(p))
    return first


def as_tuple(p):
    return (*open(p),)


# A `*` in a list or set display is not seen: tree-sitter reads `[*open(p)]` as a call of `*open`.
def all_lines(p):
    return [*open(p)]


def parenthesized_name(p):
    # Not unpacking: `(f)` is the name `f`, which keeps the file (open-assign's).
    (f) = open(p)
    return f.readline()
