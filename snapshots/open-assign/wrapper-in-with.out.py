# A file handed to a wrapper whose `with` closes only the wrapper (GzipFile, BZ2File, a TarFile given `fileobj=`):
# the file itself is never closed, and gets its own `with`. A wrapper that owns the file (`io.TextIOWrapper`)
# closes it: nothing to fix there; one that owns a wrapper that does not own the file does not close the file.
import bz2
import gzip
import io


def save(p, data):
    with open(p, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb") as gz:
            gz.write(data)


def save_kept(p, data):
    with open(p, "wb") as f:
        gz = gzip.GzipFile(fileobj=f, mode="wb")
        with gz:
            gz.write(data)


def save_bz2(p, data):
    with open(p, "wb") as f:
        with bz2.BZ2File(f, "wb") as b:
            b.write(data)


def text(p):
    raw = open(p, "rb")
    with io.TextIOWrapper(raw) as t:
        return t.read()


def text_gzip(p):
    f = open(p, "wb")
    with io.TextIOWrapper(gzip.GzipFile(fileobj=f, mode="wb"), encoding="utf-8") as t:
        t.write("hello")
