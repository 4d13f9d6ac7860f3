# Proof: a gzip file never closed has no trailer on PyPy when it is read back
import gzip
import sys


def save(path, payload):
    with gzip.open(path, "wb") as g:
        g.write(payload)
    return len(payload)


n = save("proof.gz", b"pypy " * 1000)
with open("proof.gz", "rb") as r:
    raw = r.read()
got = gzip.decompress(raw)
print("wrote", n, "read", len(got))
sys.exit(0 if len(got) == n else 1)
