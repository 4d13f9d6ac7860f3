# The condition of a conditional expression runs every time, first: a resource read there is fixed as any other
# (a branch may not run at all: `ok-lazy-reasons`).


def first_char(p):
    with open(p) as f:
        x = "yes" if f.read(1) else "no"
    return x


def tagged(p):
    with open(p) as f:
        return [1] if f.read(1) == "d" else []
