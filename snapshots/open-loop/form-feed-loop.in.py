# A loop on a line that starts with a form feed: the `with` keeps it; the loop goes one level deeper.


def count(p):
    n = 0
    for line in open(p):
        n += 1
    return n
