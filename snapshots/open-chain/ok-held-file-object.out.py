# An archive or compressed file read from a file object the code holds owns nothing of its own: its close leaves
# the file object open, and `TarFile` has no `__del__` (CPython never closed it either). Nothing to report.
import gzip
import io
import tarfile
import zipfile


def names(data):
    return tarfile.open(fileobj=io.BytesIO(data)).getnames()


def compressed_names(buf):
    return tarfile.open(fileobj=buf, mode="r:gz").getnames()


def by_position(buf):
    return tarfile.TarFile(None, "r", buf).getnames()


def members(data):
    return zipfile.ZipFile(io.BytesIO(data)).namelist()


def unzip(f):
    return gzip.GzipFile(fileobj=f, mode="rb").read()


def unpacked(data):
    return gzip.open(io.BytesIO(data)).read()


def packed(buf):
    # A plain tar written into the file object: no `__del__` on the way, so neither interpreter finishes it
    tarfile.open(fileobj=buf, mode="w").addfile(tarfile.TarInfo("empty"))
