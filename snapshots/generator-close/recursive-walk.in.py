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
    for n in walk(root):
        if n.name == name:
            return n
