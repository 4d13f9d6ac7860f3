# CPython closed the database, and let go of gdbm's lock, as `.keys()` returned; a `with` around the statement would
# hold it while the rest of it runs, where `bump` opens the database again to write (a plain builtin over the keys,
# `sorted(…)`, runs no such code and is fixed: subscript-uses)
import dbm


def touch_all(p, bump):
    return list(map(lambda k: bump(p, k), dbm.open(p).keys()))


def scale(p, each):
    each(dbm.open(p).keys())


def unpacked_into(path, d, reopen):
    # Stored into a subscript: `reopen()` runs after the unpacking, where CPython had let go of the lock
    d[reopen()], = dbm.open(path)
