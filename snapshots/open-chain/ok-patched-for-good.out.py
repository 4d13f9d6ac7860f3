# The module sets `builtins.open` for good (under another name, after a `:`): every `open(...)` of the file
# makes a `Reader`, which has no `__enter__`; none is a resource, and nothing is rewritten.
import builtins as _builtins
import sys


class Reader:
    def __init__(self, path, mode="r"):
        self.path = path

    def read(self):
        return "fake:" + self.path


if "--fake" in sys.argv or True: _builtins.open = Reader


def load(path):
    return open(path).read()
