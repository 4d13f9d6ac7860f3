# `gzip.GzipFile(fileobj=f)` with no mode takes the mode of `f`, here "wb": it writes, and CPython finished it (the
# data and the trailer) before `f.tell()` ran. A `with` would finish it after: reported, not fixed.
import gzip
import pickle


def save(path, data):
    with open(path, "wb") as f:
        return pickle.dump(data, gzip.GzipFile(fileobj=f)) or f.tell()
