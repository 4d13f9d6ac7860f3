# The chunked-read idiom: iter(functools.partial(open(p, "rb").read, n), b"") reads the file through its bound method; the loop moves into a `with`. A partial kept in a name is reported.
import functools
from functools import partial


def digest(path, hasher):
    with open(path, "rb") as f:
        for block in iter(functools.partial(f.read, 65536), b""):
            hasher.update(block)
    with open(path, "rb") as fh:
        for block in iter(partial(fh.read, 65536), b""):
            hasher.update(block)
    reader = partial(open(path, "rb").read, 65536)
    return reader
