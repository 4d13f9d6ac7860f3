# Backslash continuation lines move with the statement
def size(path):
    with open(path, "rb") as f:
        n = \
            len(f.read())
    total = n + \
        1
    return total
