# in a loop, a function of the file given the path before the open
def append_to(path, t):
    with open(path, "a") as o:
        o.write(t)

def main(p, items):
    for it in items:
        append_to(p, "sep\n")
        f = open(p, "a")
        f.write(it + "\n")
