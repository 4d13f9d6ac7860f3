# Before a file opened for writing (emptied as it opens), code that may raise: the original raised first and left the
# file as it was; a `with` would empty it first
import json


def save(p, rec, items, make):
    print(rec.title, file=open(p, "w"))
    print(f"{rec}", file=open(p, "w"))
    if any((last := x) for x in items):
        pass
    json.dump(last, open(p, "w"))
    make(), json.dump(rec, open(p, "w"))
    json.dump(rec, open(p, "w")), print(open(p).read())
