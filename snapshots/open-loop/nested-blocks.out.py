# loops over a resource inside every kind of block; nested loops get their with in a later pass
import contextlib


class Reader:
    def read(self, p):
        with open(p) as f:
            for line in f:
                self.lines.append(line)


def blocks(paths):
    out = []
    if paths:
        with open(paths[0]) as f:
            for line in f:
                out.append(line)
    try:
        with open(paths[1]) as fh:
            for line in fh:
                out.append(line)
    except OSError:
        pass
    while paths:
        with open(paths.pop()) as fp:
            for line in fp:
                with open(line.strip()) as f2:
                    for other in f2:
                        out.append(other)
    with contextlib.suppress(OSError):
        with open(paths[2]) as f3:
            for line in f3:
                out.append(line)
    return out


async def read_async(p):
    with open(p) as f:
        return [line for line in f]
