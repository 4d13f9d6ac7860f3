# The rest of the statement runs the function again (directly, or through a helper of the module that calls it):
# CPython closed each file as `.read()` returned, a `with` around the statement would hold it through every level
# below, and a deep recursion runs out of file descriptors. Reported, not fixed.
def size(path, depth):
    if depth == 0:
        return 0
    return len(open(path).read()) + size(path, depth - 1)


def include(path, depth):
    return handle(open(path).read(), path, depth)


def handle(text, path, depth):
    return text if depth == 0 else include(path, depth - 1)


class Tree:
    def total(self, path, depth):
        if depth == 0:
            return 0
        return len(open(path).read()) + self.total(path, depth - 1)


def nested(path, depth):
    def again(d):
        return nested(path, d)

    if depth == 0:
        return 0
    return len(open(path).read()) + again(depth - 1)


def aliased(path, depth):
    if depth == 0:
        return 0
    return len(open(path).read()) + _aliased(path, depth - 1)


_aliased = aliased


def via_lambda(path, depth):
    if depth == 0:
        return 0
    return len(open(path).read()) + _again(path, depth - 1)


_again = lambda p, d: via_lambda(p, d)
