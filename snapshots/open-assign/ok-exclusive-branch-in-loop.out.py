# In a loop, another clause of the `if` reads the file a previous iteration opened: no `with` may end the first clause.
def names(paths):
    seen = []
    for p in paths:
        if p:
            f = open(p)
            data = f.read()
        else:
            seen.append(f.name)
    return seen


def last_header(paths):
    for p in paths:
        if p:
            f = open(p)
            head = f.readline()
        elif f.closed:
            pass
