# The same name reopened: each open/close pair becomes its own with
import os


def append_twice(path):
    with open(path, "w") as f:
        f.write("spam")
    with open(path, "a") as f:
        f.write("eggs")
    with open(path) as f:
        d = f.read()
    os.remove(path)
    return d
