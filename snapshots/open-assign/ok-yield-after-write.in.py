# a `yield` after the last use: the caller may write the path while CPython held the file open
def gen(p):
    f = open(p, "a")
    f.write("first\n")
    yield 1
    yield 2
