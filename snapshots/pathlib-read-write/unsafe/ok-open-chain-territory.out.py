# Chains open-chain puts in a with block are not touched here; neither are strings or shadowed open
def plain(p, s):
    text = open(p).read()
    open(p, "w").write(s)
    return open(p).read()


doc = "lambda p: open(p).read()"


def shadowed(open, p):
    return lambda: open(p).read()
