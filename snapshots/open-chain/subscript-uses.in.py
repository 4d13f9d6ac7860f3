# A shelf, dbm database or memory map subscripted at once: read, written or updated, then dropped
import dbm
import mmap
import shelve


def store(p, value):
    shelve.open(p)["last"] = value


def load(p):
    return shelve.open(p)["last"]


def count(p):
    shelve.open(p)["runs"] += 1


def raw(p):
    return dbm.open(p, "c")[b"key"]


def header(fd):
    return mmap.mmap(fd, 0, access=mmap.ACCESS_READ)[:4]


def computed(p, make):
    # reported: Python evaluates the value first, then the shelf it goes into
    shelve.open(p)["last"] = make()


def forget(p):
    # reported: a `del` statement
    del shelve.open(p)["last"]
