# shelve.open and dbm.open: with ... as shelf / db; keys() of a shelf is a lazy view, of a dbm a list
import dbm
import shelve

with shelve.open("cache") as shelf:
    value = shelf.get("key")
with shelve.open("cache") as db:
    db.update({"a": 1})
with dbm.open("index", "c") as db2:
    names = db2.keys()
view = shelve.open("cache").keys()
