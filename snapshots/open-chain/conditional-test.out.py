# The condition of a conditional expression runs every time, first: a resource read there is fixed as any other
# (a branch may not run at all: `ok-lazy-reasons`).


def first_char(p):
    with open(p) as f:
        x = "yes" if f.read(1) else "no"
    return x


def tagged(p):
    with open(p) as f:
        return [1] if f.read(1) == "d" else []


def branches_after(p, f, g):
    # the branch runs after the condition: a read-only file held over it, as over any code after the read
    with open(p) as fh:
        x = f() if fh.read() else g()
    return x
