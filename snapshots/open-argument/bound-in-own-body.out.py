import json
import shutil


# A loop target read in its own body is bound there: `obj` runs no code before the open
def dump_each(items, out):
    for obj in items:
        with open(out + obj, "w") as f:
            json.dump(obj, f)


# So is a `with … as` name in its own body
def copy(a, b):
    with open(a, "rb") as src:
        with open(b, "wb") as f:
            shutil.copyfileobj(src, f)


# A comment between the arguments runs nothing
def save(path, obj):
    with open(path, "w") as f:
        json.dump(obj,  # the record
                  f)
