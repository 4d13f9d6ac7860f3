# Reported without a fix: the recursive call is in the code a `with` would hold though not in the loop's body: the loop's `else:`, the rest of its iterable, the rest of the statement around a comprehension
def with_else(path, depth):
    for line in open(path).readlines():
        pass
    else:
        return include(path, depth - 1) if depth else 0


def rest_of_statement(path, depth):
    return len([l for l in open(path).readlines()]) + (rest_of_statement(path, depth - 1) if depth else 0)


def rest_of_iterable(path, depth):
    n = 0
    for line in open(path).readlines() + (rest_of_iterable(path, depth - 1) if depth else []):
        n += 1
    return n


def include(path, depth):
    return with_else(path, depth)
