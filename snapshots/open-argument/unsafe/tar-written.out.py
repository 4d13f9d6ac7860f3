# With --unsafe-fixes: a tar archive opened for appending, handed to `list` and never closed, goes into a
# `with`, which writes the end-of-archive blocks CPython never wrote: a complete archive, other bytes. An
# archive opened for reading gets the same `with` without the flag (`read_members`).
import tarfile


def appended(path):
    with tarfile.open(path, "a") as archive:
        members = list(archive)
    return len(members)


def read_members(path):
    with tarfile.open(path) as archive:
        members = list(archive)
    return len(members)
