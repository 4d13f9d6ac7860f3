# in a loop over names, a header written before the open of each name's own path: fixed
from pathlib import Path


def run(d, names):
    for name in names:
        p = Path(d) / name
        Path(p).write_text("header\n")
        with open(p, "a") as f:
            f.write("body\n")
