# CPython closed the database, and let go of gdbm's lock, as `.keys()` (or a shelf's `.get()`) returned: a `with`
# around the loop would hold it, and the body's own open of it would fail (a comprehension of plain names is fixed)
import dbm
import shelve


def scale(path):
    for key in dbm.open(path).keys():
        with dbm.open(path, "w") as db:
            db[key] = str(int(db[key]) * 10)


def pending(path, mark_done):
    for key in shelve.open(path).get("pending", []):
        mark_done(key)
    return [mark_done(k) for k in dbm.open(path).keys()]
