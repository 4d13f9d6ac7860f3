# `for line in open(p,` / `"r"):`: the call moves to `with open(`, its argument lines with it.
def show(path):
    with open(path,
              "r") as f:
        for line in f:
            print(line)
