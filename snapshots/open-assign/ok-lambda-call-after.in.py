# a call given the path inside a lambda, after the last use
def append_to(path, t):
    with open(path, "a") as o:
        o.write(t)

def main(p):
    f = open(p, "a")
    f.write("first\n")
    list(map(lambda t: append_to(p, t), ["after\n"]))
