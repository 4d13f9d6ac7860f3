# Backslash continuation lines move with the statement
def size(path):
    n = \
        len(open(path, "rb").read())
    total = n + \
        1
    return total
