# An assignment on a line that starts with a form feed: the `with` keeps it; its body is indented from after it.


def read(p):
    n = 0
    with open(p) as fh:
        data = fh.read()
    return data
