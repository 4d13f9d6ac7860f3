# The same calls given a path, or a mode that may write, own what they open, or write a trailer or a central
# directory when closed: still found.
import gzip
import io
import tarfile
import zipfile


def names(path):
    return tarfile.open(path).getnames()


def unzip(buf):
    # No mode: `GzipFile` takes the file object's, which may be "wb" (its close writes the trailer)
    return gzip.GzipFile(fileobj=buf).read()


def members(path):
    return zipfile.ZipFile(path).namelist()


def fresh(data, mode):
    return zipfile.ZipFile(io.BytesIO(data), mode).namelist()


def packed(buf):
    # A `GzipFile` between: CPython finished it at the drop (its `__del__`), PyPy at a collection. Closing writes the
    # tar's end too, which neither did: offered with --unsafe-fixes only
    tarfile.open(fileobj=buf, mode="w:gz").addfile(tarfile.TarInfo("empty"))
