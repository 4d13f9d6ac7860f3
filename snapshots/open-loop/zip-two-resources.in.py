# for a, b in zip(open(p), open(q)): one with holding both files, in evaluation order
def compare(p, q):
    for left, right in zip(open(p), open(q)):
        if left != right:
            return False
    return True


def merged(p, q):
    return [a + b for a, b in zip(open(p), open(q))]
