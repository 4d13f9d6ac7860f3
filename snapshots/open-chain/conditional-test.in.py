# The condition of a conditional expression runs every time, first: a resource read there is fixed as any other
# (a branch may not run at all: `ok-lazy-reasons`).


def first_char(p):
    x = "yes" if open(p).read(1) else "no"
    return x


def tagged(p):
    return [1] if open(p).read(1) == "d" else []
