# shelve.open and dbm.open: with ... as shelf / db; keys() of a shelf is a lazy view, of a dbm a list
import dbm
import shelve

value = shelve.open("cache").get("key")
shelve.open("cache").update({"a": 1})
names = dbm.open("index", "c").keys()
view = shelve.open("cache").keys()
