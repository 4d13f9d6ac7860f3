# The same calls given a path, or a mode that may write, own what they open, or write a trailer or a central
# directory when closed: still found.
import gzip
import io
import tarfile
import zipfile


def names(path):
    with tarfile.open(path) as archive:
        return archive.getnames()


def unzip(buf):
    # No mode: `GzipFile` takes the file object's, which may be "wb" (its close writes the trailer)
    with gzip.GzipFile(fileobj=buf) as f:
        return f.read()


def members(path):
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def fresh(data, mode):
    with zipfile.ZipFile(io.BytesIO(data), mode) as archive:
        return archive.namelist()


def packed(buf):
    # A `GzipFile` between: CPython finished it at the drop (its `__del__`), PyPy at a collection. Closing writes the
    # tar's end too, which neither did: offered with --unsafe-fixes only
    tarfile.open(fileobj=buf, mode="w:gz").addfile(tarfile.TarInfo("empty"))
