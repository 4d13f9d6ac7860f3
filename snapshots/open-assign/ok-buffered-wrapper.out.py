# A writable file under a buffering wrapper bound to a name: what the wrapper buffers reaches the file only when
# the wrapper is flushed, which CPython did as it freed it first
import io


def save_text(p, s):
    raw = open(p, "wb")
    t = io.TextIOWrapper(raw, encoding="utf-8")
    t.write(s)


def save_chunks(p, chunks):
    raw = open(p, "wb", buffering=0)
    w = io.BufferedWriter(raw)
    for c in chunks:
        w.write(c)
