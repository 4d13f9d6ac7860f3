# `data = open(p,` / `"r").read()`: the call moves to `with open(`, its argument lines with it.
def read(path):
    data = open(path,
                "r").read()
    return data
