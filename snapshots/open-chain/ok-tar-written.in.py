# Negative without --unsafe-fixes: `tarfile.open(p, "w")` in a chain is never closed, and closing it writes the
# end-of-archive blocks CPython never wrote (`TarFile` has no `__del__`): the archive's bytes would change.
# Offered behind --unsafe-fixes (unsafe/tar-written), with the file read in the same statement sharing its `with`.
import tarfile


def add(path, member):
    tarfile.open(path, "w").add(member)


def add_listed(path, listing):
    tarfile.open(path, "w").add(open(listing).read().strip())
