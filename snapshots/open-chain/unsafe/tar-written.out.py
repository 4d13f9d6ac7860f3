# With --unsafe-fixes: `tarfile.open(p, "w")` in a chain goes into a `with`, which writes the end-of-archive
# blocks CPython never wrote: a complete archive. The file read in the same statement shares the `with`, so its
# fix is unsafe too. A chain reading an archive stays safe: `listed` is fixed without the flag.
import tarfile


def add(path, member):
    with tarfile.open(path, "w") as archive:
        archive.add(member)


def add_listed(path, listing):
    with tarfile.open(path, "w") as archive, open(listing) as f:
        archive.add(f.read().strip())


def listed(path):
    with tarfile.open(path) as archive:
        return archive.getnames()
