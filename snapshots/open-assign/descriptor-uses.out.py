import os
import tempfile


# `os.fdopen(fd)` closes `fd` with the file: `os.fsync(fd)` is a use of the file, and the `with` holds it.
def atomic_write(path, data):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".")
    with os.fdopen(fd, "w") as f:
        f.write(data)
        f.flush()
        os.fsync(fd)
    os.replace(tmp, path)


# `open(fd)` on a descriptor from `os.open()`: the same.
def write_size(path, data):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    with open(fd, "w") as f:
        f.write(data)
        f.flush()
        return os.fstat(fd).st_size


# Named like a descriptor: a parameter `out_fd`.
def dump(out_fd, text):
    with open(out_fd, "w", closefd=True) as f:
        f.write(text)
        f.flush()
        if text:
            os.fsync(out_fd)


# A path is no descriptor: the `with` ends at the file's last use.
def read_all(path):
    with open(path) as f:
        data = f.read()
    print("read", path)
    return data


# The descriptor is used after the block that opens the file: reported, not fixed.
def sync_later(data):
    fd, tmp = tempfile.mkstemp()
    if data:
        f = os.fdopen(fd, "w")
        f.write(data)
        f.flush()
    os.fsync(fd)
    return tmp


# The code closes the descriptor itself: a `with` would close it again. Reported, not fixed.
def head(path):
    fd = os.open(path, os.O_RDONLY)
    f = os.fdopen(fd)
    data = f.read(2)
    os.close(fd)
    return data


# The descriptor is `src`'s: closing `g` closes it, so `src`'s later uses are uses of `g` too.
def peek(src):
    fd = src.fileno()
    with open(fd, closefd=True) as g:
        first = g.read(1)
        src.seek(0)
        return first + src.read(2)


# A nested function reads the descriptor: it may run after the block. Reported, not fixed.
def stat_later(path):
    fd = os.open(path, os.O_RDONLY)
    f = os.fdopen(fd)
    f.read()
    return lambda: os.fstat(fd).st_size


# A copy of the descriptor is read after the file's last use: it is a use too.
def copied(path):
    fd = os.open(path, os.O_RDONLY)
    other = fd
    with os.fdopen(fd) as f:
        data = f.read()
        os.fstat(other)
    return data


# The descriptor is an attribute, whose other uses withify does not follow. Reported, not fixed.
def from_object(obj):
    f = os.fdopen(obj.fd)
    data = f.read()
    return data
