# a module-level lambda around the constant path, called after the last use
P = "out.txt"
note = lambda t: open(P, "a").write(t)

def main():
    f = open(P, "a")
    f.write("first\n")
    note("after\n")
