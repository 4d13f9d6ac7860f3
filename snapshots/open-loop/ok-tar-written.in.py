# Negative without --unsafe-fixes: a loop over a tar archive opened for appending, never closed. Closing it
# writes the end-of-archive blocks CPython never wrote (`TarFile` has no `__del__`), so the archive's bytes would
# change. Offered behind --unsafe-fixes (unsafe/tar-written).
import tarfile


def names(path):
    out = []
    for member in tarfile.open(path, "a"):
        out.append(member.name)
    return out
