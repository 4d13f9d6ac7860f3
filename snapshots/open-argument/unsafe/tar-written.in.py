# With --unsafe-fixes: a tar archive opened for appending, handed to `list` and never closed, goes into a
# `with`, which writes the end-of-archive blocks CPython never wrote: a complete archive, other bytes. An
# archive opened for reading gets the same `with` without the flag (`read_members`).
import tarfile


def appended(path):
    members = list(tarfile.open(path, "a"))
    return len(members)


def read_members(path):
    members = list(tarfile.open(path))
    return len(members)
