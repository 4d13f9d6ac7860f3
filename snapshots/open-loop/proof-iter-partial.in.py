# Proof: a file read in fixed-size blocks through iter(functools.partial(f.read, n), b"") and never closed stays
# open on PyPy until its GC runs; the loop runs out of file descriptors.
import functools
import resource

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))

with open("blocks.bin", "wb") as out:
    out.write(b"x" * 10000)


def size(path):
    n = 0
    for block in iter(functools.partial(open(path, "rb").read, 4096), b""):
        n += len(block)
    return n


print(sum(size("blocks.bin") for _ in range(2000)))
