# shelve.open and dbm.open: with ... as shelf / db; keys() of a shelf is a lazy view, of a dbm a list
import dbm
import shelve

with shelve.open("cache") as _shelf:
    value = _shelf.get("key")
with shelve.open("cache") as _db:
    _db.update({"a": 1})
with dbm.open("index", "c") as _db2:
    names = _db2.keys()
view = shelve.open("cache").keys()
