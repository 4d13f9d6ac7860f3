# `f`, `fh` are taken in the function (a parameter and a nested scope), so the fix picks a fresh name
def process(f, path):
    with open(path) as fp:
        data = fp.read()
    def inner(fh):
        return fh
    return f(data), inner


f = print
with open("module.txt", "w") as _f:
    _f.write("x")
