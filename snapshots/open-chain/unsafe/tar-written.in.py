# With --unsafe-fixes: `tarfile.open(p, "w")` in a chain goes into a `with`, which writes the end-of-archive
# blocks CPython never wrote: a complete archive. The file read in the same statement shares the `with`, so its
# fix is unsafe too. A chain reading an archive stays safe: `listed` is fixed without the flag.
import tarfile


def add(path, member):
    tarfile.open(path, "w").add(member)


def add_listed(path, listing):
    tarfile.open(path, "w").add(open(listing).read().strip())


def listed(path):
    return tarfile.open(path).getnames()
