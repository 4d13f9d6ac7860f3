# `del f` while `keep = f` still holds the file: CPython closed it at the function's end, after the later append
def main(p):
    f = open(p, "a")
    keep = f
    f.write("first\n")
    del f
    with open(p, "a") as g:
        g.write("after\n")
