# `f`, `fh` are taken in the function (a parameter and a nested scope), so the fix picks a fresh name
def process(f, path):
    data = open(path).read()
    def inner(fh):
        return fh
    return f(data), inner


f = print
open("module.txt", "w").write("x")
