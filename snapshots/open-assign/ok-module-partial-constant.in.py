# a module-level `partial` around the constant path, called after the last use
import functools
P = "out.txt"

def append_to(path, t):
    with open(path, "a") as o:
        o.write(t)

note = functools.partial(append_to, P)

def main():
    f = open(P, "a")
    f.write("first\n")
    note("after\n")
