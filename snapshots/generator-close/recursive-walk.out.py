# A recursive walker: the loop over the function's own generator is fixed only with --unsafe-fixes (the close the fix
# adds is a call at every level, and a chain deeper than about half the recursion limit raises RecursionError);
# the top-level loop that abandons the chain is fixed.
path = []


def walk(node):
    path.append(node.name)
    try:
        yield node
        for child in node.children:
            for n in walk(child):
                yield n
    finally:
        path.pop()


def find(root, name):
    gen = walk(root)
    try:
        for n in gen:
            if n.name == name:
                return n
    finally:
        gen.close()


# Mutual recursion, and a wrapper that calls back: the same
def left(n):
    try:
        yield n
        for x in right(n - 1):
            yield x
    finally:
        path.pop()


def right(n):
    for x in left(n):
        if x < 0:
            return
        yield x


# Kept in a name, in a branch: the same
def kept(d):
    try:
        yield d
    finally:
        path.pop()
    it = kept(d + 1) if d < 10 else []
    for x in it:
        if x > 5:
            return
        yield x


# Not a recursion: a method `walk` looping over the module's `walk`
class Tree:
    def __init__(self, root):
        self.root = root

    def walk(self):
        gen = walk(self.root)
        try:
            for n in gen:
                if n is None:
                    return
                yield n
        finally:
            gen.close()
