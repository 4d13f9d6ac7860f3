# in a loop over names, a header written before the open of each name's own path: fixed
from pathlib import Path


def run(d, names):
    for name in names:
        p = Path(d) / name
        Path(p).write_text("header\n")
        f = open(p, "a")
        f.write("body\n")
