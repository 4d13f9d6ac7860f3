# in a loop, a copy over the path before the open: the next turn runs it before CPython dropped the file
import shutil

def main(p, items):
    for it in items:
        shutil.copyfile("header.txt", p)
        f = open(p, "a")
        f.write(it + "\n")
