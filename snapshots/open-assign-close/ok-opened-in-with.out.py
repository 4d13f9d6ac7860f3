# What open-chain's fix leaves of `f = open(open(p).readline().strip())`: the file is opened in the `with`
# body and closed by hand after it. Reported (the close is not a statement of the block that opens `f`),
# not fixed.
def first_listed(index_path):
    with open(index_path) as fh:
        f = open(fh.readline().strip())
    data = f.read()
    f.close()
    return data


# Opened in a `try` whose handler leaves, then read and closed by hand after it: reported the same way.
def read_or_none(path):
    try:
        f = open(path)
    except OSError:
        return None
    data = f.read()
    f.close()
    return data
