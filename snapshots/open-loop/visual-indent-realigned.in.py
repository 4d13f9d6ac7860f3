# `for line in open(p,` / `"r"):`: the call moves to `with open(`, its argument lines with it.
def show(path):
    for line in open(path,
                     "r"):
        print(line)
