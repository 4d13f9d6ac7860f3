# 3.10's parenthesised `with` item: the file goes inside the parentheses, before the archive
import gzip


def one(p):
    with (open(p, "rb") as f, gzip.GzipFile(fileobj=f) as gz):
        return gz.read()


def spread(p):
    with (
        open(p, "rb") as f, gzip.GzipFile(fileobj=f, mode="rb") as gz  # the archive
    ):
        return gz.read()


def bare(p):
    with open(p, "rb") as f, (gzip.GzipFile(fileobj=f)):
        pass
