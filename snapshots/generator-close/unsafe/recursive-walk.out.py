# A recursive walker: the loop over the function's own generator is fixed only with --unsafe-fixes (the close the fix
# adds is a call at every level, and a chain deeper than about half the recursion limit raises RecursionError);
# the top-level loop that abandons the chain is fixed.
path = []


def walk(node):
    path.append(node.name)
    try:
        yield node
        for child in node.children:
            gen = walk(child)
            try:
                for n in gen:
                    yield n
            finally:
                gen.close()
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
        gen = right(n - 1)
        try:
            for x in gen:
                yield x
        finally:
            gen.close()
    finally:
        path.pop()


def right(n):
    gen = left(n)
    try:
        for x in gen:
            if x < 0:
                return
            yield x
    finally:
        gen.close()


# Kept in a name, in a branch: the same
def kept(d):
    try:
        yield d
    finally:
        path.pop()
    gen = None
    it = (gen := kept(d + 1)) if d < 10 else []
    try:
        for x in it:
            if x > 5:
                return
            yield x
    finally:
        if gen is not None:
            gen.close()


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
