import json
import shutil


# A loop target read in its own body is bound there: `obj` runs no code before the open
def dump_each(items, out):
    for obj in items:
        json.dump(obj, open(out + obj, "w"))


# So is a `with … as` name in its own body
def copy(a, b):
    with open(a, "rb") as src:
        shutil.copyfileobj(src, open(b, "wb"))


# A comment between the arguments runs nothing
def save(path, obj):
    json.dump(obj,  # the record
              open(path, "w"))
