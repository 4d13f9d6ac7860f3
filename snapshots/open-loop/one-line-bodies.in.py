# one-line bodies and ;-joined statements are expanded into blocks before the with goes in
def load(p, q):
    if p: lines = [line for line in open(p)]
    else: lines = []
    n = 0; n += sum(1 for _ in open(q))
    for line in open(q): print(line)
    return lines, n
