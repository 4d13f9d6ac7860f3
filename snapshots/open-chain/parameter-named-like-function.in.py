# A parameter named like its function is the parameter in the body: `size` there is a number, no recursion, and
# the statement is fixed.
def size(path, size=0):
    return len(open(path).read()) + size


def total(path, total):
    print(open(path).read(), total)
