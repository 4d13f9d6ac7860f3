# 3.10's parenthesised `with` item: the file goes inside the parentheses, before the archive
import gzip


def one(p):
    with (gzip.GzipFile(fileobj=open(p, "rb")) as gz):
        return gz.read()


def spread(p):
    with (
        gzip.GzipFile(fileobj=open(p, "rb"), mode="rb") as gz  # the archive
    ):
        return gz.read()


def bare(p):
    with (gzip.GzipFile(fileobj=open(p, "rb"))):
        pass
