# json/pickle/marshal load and dump given a fresh file: each statement moves into a with block
import json
import marshal
import pickle
import sys

path = sys.argv[0] + ".json"
with open(path, "w") as _f:
    json.dump({"a": 1}, _f)
with open(path) as _fh:
    config = json.load(_fh)


def save(obj, p):
    with open(p, "wb") as f:
        pickle.dump(obj, f, protocol=2)
    with open(p + ".m", "wb") as fh:
        marshal.dump(obj, fh)


def load(p):
    with open(p, "rb") as f:
        first = pickle.load(f)
    with open(p + ".m", "rb") as fh:
        return first, marshal.load(fh)
