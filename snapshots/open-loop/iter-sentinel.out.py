# iter(R.read, sentinel): the bound method is read through the loop, which holds it (and the file) only while it runs.
import hashlib


def digest(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(f.read, b""):
            h.update(block)
    return h.hexdigest()


def lines(path):
    with open(path) as f:
        for line in iter(f.readline, ""):
            if line.startswith("#"):
                break
            print(line)


def kept(path):
    it = iter(open(path).readline, "")
    return it
