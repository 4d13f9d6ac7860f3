# Reported without a fix: locals() or eval() after the block may read the file by its name.
def report(path):
    f = open(path)
    data = f.read()
    return data, locals()["f"].closed


def check(path):
    fh = open(path)
    data = fh.read()
    return eval("fh.closed")
