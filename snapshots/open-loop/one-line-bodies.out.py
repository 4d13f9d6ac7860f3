# one-line bodies and ;-joined statements are expanded into blocks before the with goes in
def load(p, q):
    if p:
        with open(p) as f:
            lines = [line for line in f]
    else: lines = []
    n = 0
    with open(q) as fh:
        n += sum(1 for _ in fh)
    with open(q) as fp:
        for line in fp: print(line)
    return lines, n
