# `data = open(p,` / `"r").read()`: the call moves to `with open(`, its argument lines with it.
def read(path):
    with open(path,
              "r") as f:
        data = f.read()
    return data
