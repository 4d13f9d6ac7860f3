# A file unpacked at once is read to its end in the statement: `*` in a call, or an assignment to several names.
def header(p):
    with open(p) as f:
        key, value = f
    return key, value


def show(p):
    with open(p) as f:
        print(*f, sep="")


def first_line(p):
    with open(p) as f:
        first, *rest = (f)
    return first


def as_tuple(p):
    with open(p) as f:
        return (*f,)


# A `*` in a list or set display is not seen: tree-sitter reads `[*open(p)]` as a call of `*open`.
def all_lines(p):
    return [*open(p)]


def parenthesized_name(p):
    # Not unpacking: `(f)` is the name `f`, which keeps the file (open-assign's).
    (f) = open(p)
    return f.readline()
