# A parameter annotated with a class of the project named `Path` is no pathlib path: its `open()` may return
# anything (here a reader with no `__enter__`). Only `Path` from pathlib, through the imports, counts.
class Path:
    def __init__(self, s):
        self.s = s

    def open(self):
        return Blob(self.s)


class Blob:
    def __init__(self, s):
        self.s = s

    def read(self):
        return "blob:" + self.s


def head(path: Path):
    return path.open().read()


class Store:
    class Path:
        def __init__(self, p):
            self.p = p

        def open(self):
            return Blob(self.p)

    def get(self, path: Path):
        # A method's annotation is read in the class body, where `Path` is the nested class
        return path.open().read()
