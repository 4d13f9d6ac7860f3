# `p.open("w")`: the receiver is the path (fixed); `Path(p).open("w")` then `open(p, "a")`: the same path opened again (reported)
from pathlib import Path


def save(p: Path, rows):
    with p.open("w") as f:
        for r in rows:
            f.write(r)


def save2(p, rows):
    f = Path(p).open("w")
    f.write("x")
    with open(p, "a") as g:
        g.write("y")
