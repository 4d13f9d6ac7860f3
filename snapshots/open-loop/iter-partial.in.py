# The chunked-read idiom: iter(functools.partial(open(p, "rb").read, n), b"") reads the file through its bound method; the loop moves into a `with`. A partial kept in a name is reported.
import functools
from functools import partial


def digest(path, hasher):
    for block in iter(functools.partial(open(path, "rb").read, 65536), b""):
        hasher.update(block)
    for block in iter(partial(open(path, "rb").read, 65536), b""):
        hasher.update(block)
    reader = partial(open(path, "rb").read, 65536)
    return reader
