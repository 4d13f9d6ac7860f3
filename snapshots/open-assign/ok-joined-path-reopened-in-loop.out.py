# a path built by `os.path.join` of the same parts is the same path each turn: the next turn's `"w"` open empties it first
import os


def main(d, items):
    for x in items:
        f = open(os.path.join(d, "out.txt"), "w")
        f.write(x)
