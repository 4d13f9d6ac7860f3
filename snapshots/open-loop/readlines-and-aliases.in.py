# for line in open(p).readlines() and other catalog resources named through imports
import gzip as gz
from io import open as io_open


def count(p):
    n = 0
    for line in open(p).readlines():
        n += len(line)
    for chunk in gz.open(p + ".gz"):
        n += len(chunk)
    for line in io_open(p, encoding="utf-8").read().splitlines():
        n += 1
    return n
