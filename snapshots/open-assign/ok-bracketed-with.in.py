# A file bound to a name, then entered by a `with` whose one item is in brackets (Python 3.9 on): the `with` closes
# it, as without the brackets (review rw4: reported as never closed).
def head(path):
    f = open(path)
    with (f as g):
        return g.readline()


def body(path):
    f = open(path)
    with (
        f  # entered here
    ):
        return f.read()
