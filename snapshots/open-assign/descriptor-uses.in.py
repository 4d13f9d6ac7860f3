import os
import tempfile


# `os.fdopen(fd)` closes `fd` with the file: `os.fsync(fd)` is a use of the file, and the `with` holds it.
def atomic_write(path, data):
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path) or ".")
    f = os.fdopen(fd, "w")
    f.write(data)
    f.flush()
    os.fsync(fd)
    os.replace(tmp, path)


# `open(fd)` on a descriptor from `os.open()`: the same.
def write_size(path, data):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    f = open(fd, "w")
    f.write(data)
    f.flush()
    return os.fstat(fd).st_size


# Named like a descriptor: a parameter `out_fd`.
def dump(out_fd, text):
    f = open(out_fd, "w", closefd=True)
    f.write(text)
    f.flush()
    if text:
        os.fsync(out_fd)


# A path is no descriptor: the `with` ends at the file's last use.
def read_all(path):
    f = open(path)
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
