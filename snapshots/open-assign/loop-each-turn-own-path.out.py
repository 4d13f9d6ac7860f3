# a gzip file per name in a loop: each turn opens its own path; fixed
import gzip


def run(names):
    for name in names:
        with gzip.open(name + ".gz", "wt") as f:
            f.write(name)
