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
