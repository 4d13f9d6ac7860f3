# Proof: a value stored with shelve.open(p)[key] = value must be there when the shelf is opened again
import os
import shelve
import tempfile

path = os.path.join(tempfile.mkdtemp(), "settings")


def remember(key, value):
    shelve.open(path)[key] = value


remember("theme", "dark")
with shelve.open(path) as shelf:
    stored = dict(shelf)
print(stored)
assert stored == {"theme": "dark"}, "the stored value was lost"
