# A helper whose own parameter has the path's name does not write the path: the file gets its `with`.
import os

path = "out.txt"


def exists(path):
    return os.path.exists(path)


def save(data):
    f = open(path, "w")
    f.write(data)
    print(exists("elsewhere.txt"))
