# The compressor gets its `with` first, then the file it writes to, around it: closed in CPython's order.
import gzip


def save(p, data):
    with open(p, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb") as z:
            z.write(data)
