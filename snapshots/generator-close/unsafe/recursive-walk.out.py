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
