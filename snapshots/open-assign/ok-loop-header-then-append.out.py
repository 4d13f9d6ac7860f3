# in a loop over names, a header written before each name's open: reported (a name given twice is the same path on two
# turns, where the next turn's header lands before CPython flushed the last turn's body)
from pathlib import Path


def run(d, names):
    for name in names:
        p = Path(d) / name
        Path(p).write_text("header\n")
        f = open(p, "a")
        f.write("body\n")
