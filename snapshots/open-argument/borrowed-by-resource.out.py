# A file given to a resource that does not close it (gzip.GzipFile, zipfile.ZipFile, tarfile.open, …): opened
# in the same `with`, ahead of it
import gzip
import io
import tarfile
import zipfile


def read_gz(p):
    with open(p, "rb") as f, gzip.GzipFile(fileobj=f) as gz:
        return gz.read()


def names(p, f):
    # `f` is taken: the file gets another name
    with open(p, "rb") as fh, zipfile.ZipFile(fh) as archive:
        return archive.namelist(), f


def members(p, log):
    with open(log, "a") as out, open(p, "rb") as f, tarfile.open(fileobj=f) as tar:  # members to the log
        out.write("\n".join(tar.getnames()))


def text(p):
    # not flagged: closing the wrapper closes the file
    with io.TextIOWrapper(open(p, "rb"), encoding="utf-8") as t:
        return t.read()


async def read_async(p, lock):
    # reported: an async with takes no open()
    async with lock, gzip.GzipFile(fileobj=open(p, "rb")) as gz:
        return gz.read()


def after_other_code(p):
    # reported: make() runs before open(p) in this item
    with gzip.GzipFile(make(), fileobj=open(p, "rb")) as gz:
        return gz.read()
