# loops over a resource inside every kind of block; nested loops get their with in a later pass
import contextlib


class Reader:
    def read(self, p):
        for line in open(p):
            self.lines.append(line)


def blocks(paths):
    out = []
    if paths:
        for line in open(paths[0]):
            out.append(line)
    try:
        for line in open(paths[1]):
            out.append(line)
    except OSError:
        pass
    while paths:
        for line in open(paths.pop()):
            for other in open(line.strip()):
                out.append(other)
    with contextlib.suppress(OSError):
        for line in open(paths[2]):
            out.append(line)
    return out


async def read_async(p):
    return [line for line in open(p)]
