# a helper that hands its parameter on inside a list may write it
from wutil import append_all


def note(path, msg):
    append_all([path], "second\n")


def main(p):
    f = open(p, "a")
    f.write("first\n")
    note(p, "second\n")
