# A shelf, dbm database or memory map subscripted at once: read, written or updated, then dropped
import dbm
import mmap
import shelve


def store(p, value):
    with shelve.open(p) as shelf:
        shelf["last"] = value


def load(p):
    with shelve.open(p) as shelf:
        return shelf["last"]


def count(p):
    with shelve.open(p) as shelf:
        shelf["runs"] += 1


def raw(p):
    with dbm.open(p, "c") as db:
        return db[b"key"]


def header(fd):
    with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as mm:
        return mm[:4]


def computed(p, make):
    # reported: Python evaluates the value first, then the shelf it goes into
    shelve.open(p)["last"] = make()


def forget(p):
    # reported: a `del` statement
    del shelve.open(p)["last"]
