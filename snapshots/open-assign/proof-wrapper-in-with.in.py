# Proof: a file handed to `gzip.GzipFile(fileobj=f)` is not closed by the wrapper's `with`: GzipFile closes
# only a file it opened itself. On PyPy the file's buffered bytes never reach the disk.
import gzip
import sys


def save(path, payload):
    f = open(path, "wb")
    with gzip.GzipFile(fileobj=f, mode="wb") as gz:
        gz.write(payload)


save("proof.gz", b"pypy " * 1000)
with open("proof.gz", "rb") as r:
    raw = r.read()
ok = len(raw) > 0 and gzip.decompress(raw) == b"pypy " * 1000
print("read back:", ok)
sys.exit(0 if ok else 1)
