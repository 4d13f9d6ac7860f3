# A parameter named like its function is the parameter in the body: `size` there is a number, no recursion, and
# the statement is fixed.
def size(path, size=0):
    with open(path) as f:
        return len(f.read()) + size


def total(path, total):
    with open(path) as f:
        print(f.read(), total)
