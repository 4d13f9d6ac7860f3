# for line in open(p).readlines() and other catalog resources named through imports
import gzip as gz
from io import open as io_open


def count(p):
    n = 0
    with open(p) as f:
        for line in f.readlines():
            n += len(line)
    with gz.open(p + ".gz") as fh:
        for chunk in fh:
            n += len(chunk)
    with io_open(p, encoding="utf-8") as fp:
        for line in fp.read().splitlines():
            n += 1
    return n
