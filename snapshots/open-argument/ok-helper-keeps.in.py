# Functions of the module that do more than use what they are given: the resource stays as it is (not flagged,
# as any call withify cannot follow), or is reported where the statement would run code before the open
import json

KEPT = []


def keep(f):
    KEPT.append(f)


def give_back(f):
    return f


def shut(f):
    f.close()


def lines(f):
    yield from f


def stripped(f):
    return map(str.strip, f)


def save(d, out):
    json.dump(d, out)


def dropped(f):
    f.write("x")
    # CPython 3.11+ closes the caller's temporary file here: the only reference, moved into this frame
    del f


def dropped_too(f, n):
    f.write("x")
    del [n, f]


def rebinds(f):
    f = None
    return f


def uses(p):
    keep(open(p))
    handle = give_back(open(p))
    shut(open(p))
    for x in lines(open(p)):
        print(x)
    dropped(open(p, "w"))
    dropped_too(open(p, "w"), 1)
    return list(stripped(open(p))), handle, rebinds(open(p))


def order(p, make):
    save(make(), open(p, "w"))
    save({"k": 1}, open(p, "w")) or print(open(p).read())
