# Negative without --unsafe-fixes: a tar archive opened for appending, handed to `list` and never closed.
# Closing it writes the end-of-archive blocks CPython never wrote (`TarFile` has no `__del__`), so the archive's
# bytes would change. Offered behind --unsafe-fixes (unsafe/tar-written); an archive opened for reading is safe.
import tarfile


def appended(path):
    members = list(tarfile.open(path, "a"))
    return len(members)
