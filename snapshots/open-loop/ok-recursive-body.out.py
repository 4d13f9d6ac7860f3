# `.readlines()` has read everything, and CPython closed the file before the loop ran; a body that calls its own
# function again would, under a `with` around the loop, hold one file per level (a deep include runs out of
# file descriptors)
def include(p):
    out = []
    for line in open(p).readlines():
        if line.startswith("#include"):
            out += include(line.split()[1])
        else:
            out.append(line)
    return out


class Loader:
    def load(self, p):
        for line in open(p).readlines():
            if line.startswith("@"):
                self.load(line[1:].strip())


def count(p):
    return sum([count(l.split()[1]) if l.startswith("#include ") else 1 for l in open(p).readlines()])


# Through one other function of the module
def expand(p):
    out = []
    for line in open(p).readlines():
        out += handle(line)
    return out


def handle(line):
    if line.startswith("#include "):
        return expand(line.split()[1])
    return [line]
