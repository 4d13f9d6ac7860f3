# The same name reopened: each open/close pair becomes its own with
import os


def append_twice(path):
    f = open(path, "w")
    f.write("spam")
    f.close()
    f = open(path, "a")
    f.write("eggs")
    f.close()
    f = open(path)
    d = f.read()
    f.close()
    os.remove(path)
    return d
