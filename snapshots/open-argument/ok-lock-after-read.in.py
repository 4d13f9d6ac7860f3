# CPython closed the database, and let go of gdbm's lock, as `list` returned; a `with` would hold it while the rest
# of the statement runs (a second open there would fail). Reported.
import dbm


def keys(path, reopen):
    return list(dbm.open(path)) + [reopen()]
