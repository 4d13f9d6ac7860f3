# a helper whose `Path(path).open("a")` writes: the mode is the method's first argument
from pathlib import Path


def note(path, msg):
    with Path(path).open("a") as o:
        print(msg, file=o)


def run(p):
    f = open(p, "w")
    f.write("header\n")
    note(p, "footer")
