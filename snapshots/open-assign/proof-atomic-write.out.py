# Proof: the usual atomic write (mkstemp, fdopen, fsync, replace) leaves every descriptor open on PyPy until
# its GC runs; the fix must keep os.fsync(fd) inside the `with`, since closing the file closes fd.
import os
import resource
import tempfile

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))


def atomic_write(path, data):
    fd, tmp = tempfile.mkstemp(dir=".")
    with os.fdopen(fd, "w") as f:
        f.write(data)
        f.flush()
        os.fsync(fd)
    os.replace(tmp, path)


for i in range(500):
    atomic_write("state.txt", "generation %d\n" % i)
with open("state.txt") as f:
    print(f.read(), end="")
os.remove("state.txt")
