# The condition of a conditional expression runs every time, first: a resource read there is fixed as any other
# (a branch may not run at all: `ok-lazy-reasons`).


def first_char(p):
    x = "yes" if open(p).read(1) else "no"
    return x


def tagged(p):
    return [1] if open(p).read(1) == "d" else []


def branches_after(p, f, g):
    # the branch runs after the condition: a read-only file held over it, as over any code after the read
    x = f() if open(p).read() else g()
    return x
