# The compressor gets its `with` first, then the file it writes to, around it: closed in CPython's order.
import gzip


def save(p, data):
    raw = open(p, "wb")
    z = gzip.GzipFile(fileobj=raw, mode="wb")
    z.write(data)
