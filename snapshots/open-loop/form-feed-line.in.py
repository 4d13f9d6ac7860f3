# A body line that starts with a form feed: Python counts its columns from the form feed, so the
# extra indentation goes after it (before it, the line would leave the loop).


def count(p):
    n = 0
    for line in open(p):
        n += 1
        n += 10
    return n
