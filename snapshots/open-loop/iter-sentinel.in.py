# iter(R.read, sentinel): the bound method is read through the loop, which holds it (and the file) only while it runs.
import hashlib


def digest(path):
    h = hashlib.sha256()
    for block in iter(open(path, "rb").read, b""):
        h.update(block)
    return h.hexdigest()


def lines(path):
    for line in iter(open(path).readline, ""):
        if line.startswith("#"):
            break
        print(line)


def kept(path):
    it = iter(open(path).readline, "")
    return it
