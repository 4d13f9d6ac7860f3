# A use of the name in another clause of the `if` (an `elif`, the `else`) cannot read the file opened in this one.
def load(p, raw):
    if p:
        f = open(p)
        return f.read()
    else:
        f = raw
        return f.decode()


def load_either(p):
    if isinstance(p, str):
        p = open(p)
        return p.read()
    elif isinstance(p, bytes):
        return p.decode()


def load_all(paths, raws):
    # In a loop the `else` runs after the open in a later iteration, but it binds `f` before reading it
    out = []
    for p, raw in zip(paths, raws):
        if p:
            f = open(p)
            out.append(f.read())
        else:
            f = raw
            out.append(f.decode())
    return out
