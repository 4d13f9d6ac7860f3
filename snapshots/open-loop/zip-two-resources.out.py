# for a, b in zip(open(p), open(q)): one with holding both files, in evaluation order
def compare(p, q):
    with open(p) as f, open(q) as fh:
        for left, right in zip(f, fh):
            if left != right:
                return False
    return True


def merged(p, q):
    with open(p) as f, open(q) as fh:
        return [a + b for a, b in zip(f, fh)]
