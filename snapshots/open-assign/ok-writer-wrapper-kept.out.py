# A compressor or archive kept in a name writes its end (gzip's trailer, bz2's stream, zip's central directory) to the
# file it wraps when it is closed or collected, which CPython did before the file's. Closed only on some paths here,
# or used in ways withify does not follow: a `with` over `raw` would close it under them first.
import bz2
import io
import gzip
import zipfile


def save(p, data, finish):
    raw = open(p, "wb")
    z = gzip.GzipFile(fileobj=raw, mode="wb")
    z.write(data)
    if finish:
        z.close()


def pack(p, name, data, finish):
    raw = open(p, "wb")
    z = zipfile.ZipFile(raw, "w")
    z.writestr(name, data)
    if finish:
        z.close()


def squeeze(p, data):
    raw = open(p, "wb")
    z = bz2.BZ2File(raw, "wb")
    z.write(data)
    z.flush()
    return z.fileno


def text(p):
    raw = open(p, "wb")
    z = io.TextIOWrapper(gzip.GzipFile(fileobj=raw, mode="wb"))
    z.write("hello world" * 100)
