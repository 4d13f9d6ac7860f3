# Reported without a fix: locals() or eval() after the block may read the file by its name.
def report(path):
    f = open(path)
    data = f.read()
    return data, locals()["f"].closed


def check(path):
    fh = open(path)
    data = fh.read()
    return eval("fh.closed")


def closed_by_hand(path):
    # open-assign-close's case: open-assign says nothing about it.
    fh = open(path)
    data = fh.read()
    fh.close()
    return locals()
