# `Path(p).open("a")`: the path is the receiver's
from pathlib import Path

def main(p):
    f = Path(p).open("a")
    f.write("first\n")
    with open(p, "a") as g:
        g.write("after\n")
