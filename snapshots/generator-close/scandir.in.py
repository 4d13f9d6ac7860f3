# os.scandir() read in part: its directory stays open until the iterator is closed or read to the end
import os
import os as o
from os import scandir
from os import scandir as sd


def first_file(root):
    for e in os.scandir(root):
        if e.is_file():
            return e.name


def head(root):
    return next(scandir(root)).name


def hidden(root):
    return any(e.name.startswith(".") for e in sd(root))


def kept(root):
    it = o.scandir(root)
    for e in it:
        return e


def read_to_the_end(root):
    # not flagged: an iterator read to the end closes itself
    names = sorted(e.name for e in os.scandir(root))
    for e in os.scandir(root):
        print(e.name)
    return names


def managed(root):
    # not flagged: already closed by its own `with`
    with os.scandir(root) as entries:
        for e in entries:
            return e.name
