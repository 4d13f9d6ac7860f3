import os
import pty
from os import dup
import tempfile

paths = [b"out/t.txt"]


class Source:
    fd = 0


# Not fixed: a bytes path or a file descriptor, which `Path()` takes neither of.
joined = [open(b"out/" b"t.txt").read() for _ in "x"]
converted = [open(bytes(p)).read() for p in paths]
by_fd = lambda s: open(s.fd).read() if s else ""


def scratch(text):
    handle, path = tempfile.mkstemp()
    write = lambda s: open(handle, "w").write(s) if s else 0
    return write(text), path


# A descriptor made in the call, or bound from `os.dup2`: `Path()` raises TypeError for an int.
to_stdout = lambda s: open(os.dup(1), "w").write(s)
copied = os.dup2(1, 9)
to_copy = lambda s: open(copied, "w").write(s)
numbered = lambda s, n: open(int(n), "w").write(s)
duplicated = lambda s: dup(1) and open(dup(1), "w").write(s)
from_pty = lambda s: open(pty.openpty()[1], "w").write(s)
detached = lambda sock, s: open(sock.detach(), "w").write(s)
either = lambda s: open(int(s) if s else "x").read()
absolute = lambda s: open(abs(int(s))).read()


# Named like a descriptor in the last part of the name, or bound from a call that makes one, or an integer
class Reader:
    def __init__(self, path):
        self._fd = os.open(path, os.O_RDONLY)
        self.out_fd = 1

    text = lambda self: open(self._fd).read()
    echo = lambda self, s: open(self.out_fd, "w").write(s)


def scratch(text):
    out = tempfile.mkstemp(suffix=".txt")[0]
    return (lambda: open(out, "w").write(text))()


LOG = 2
log = lambda s: open(LOG, "w").write(s)


# An item of descriptors (`os.pipe()`, a name like `fds`, an attribute the file binds to `os.pipe()`), or a name
# ending in `fd`
def piped():
    fds = os.pipe()
    return lambda: open(fds[1], "w").write("x")


class Piped:
    def __init__(self):
        self.pipe = os.pipe()

    write = lambda self, s: open(self.pipe[1], "w").write(s)
    to_wfd = lambda self, s: open(self.wfd, "w").write(s)
