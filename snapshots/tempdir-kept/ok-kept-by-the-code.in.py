# Negative space: the code removes the directory itself, hands the object on, or keeps it elsewhere
import tempfile


def cleaned():
    tmp = tempfile.TemporaryDirectory()
    print(tmp.name)
    tmp.cleanup()


def managed():
    with tempfile.TemporaryDirectory() as path:
        print(path)


def returned():
    tmp = tempfile.TemporaryDirectory()
    return tmp


def stored(self):
    tmp = tempfile.TemporaryDirectory()
    self.tmp = tmp


def in_a_loop(names):
    for name in names:
        tmp = tempfile.TemporaryDirectory()
        print(name, tmp.name)


def captured():
    tmp = tempfile.TemporaryDirectory()
    return lambda: tmp.name


def rebound():
    tmp = tempfile.TemporaryDirectory()
    print(tmp.name)
    tmp = None


module_level = tempfile.TemporaryDirectory()
print(module_level.name)
