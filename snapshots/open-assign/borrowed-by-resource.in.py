# A file handed to a resource that reads it later and does not close it: both closed, the file last
import gzip
import zipfile


def names(p):
    f = open(p, "rb")
    z = zipfile.ZipFile(f)
    listed = z.namelist()
    return listed


def data(p):
    f = open(p, "rb")
    raw = gzip.GzipFile(fileobj=f).read()
    return raw


def handed_on(p):
    # reported: the archive, and the file with it, go to the caller
    raw = open(p, "rb")
    gz = gzip.GzipFile(fileobj=raw)
    return gz
