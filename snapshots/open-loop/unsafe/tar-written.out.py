# With --unsafe-fixes: a loop over a tar archive opened for appending goes into a `with`, which writes the
# end-of-archive blocks CPython never wrote: a complete archive, other bytes. A loop over an archive opened for
# reading gets the same `with` without the flag (`read_names`).
import tarfile


def names(path):
    out = []
    with tarfile.open(path, "a") as archive:
        for member in archive:
            out.append(member.name)
    return out


def read_names(path):
    out = []
    with tarfile.open(path) as archive:
        for member in archive:
            out.append(member.name)
    return out
