# json/pickle/marshal load and dump given a fresh file: each statement moves into a with block
import json
import marshal
import pickle
import sys

path = sys.argv[0] + ".json"
json.dump({"a": 1}, open(path, "w"))
config = json.load(open(path))


def save(obj, p):
    pickle.dump(obj, open(p, "wb"), protocol=2)
    marshal.dump(obj, open(p + ".m", "wb"))


def load(p):
    first = pickle.load(open(p, "rb"))
    return first, marshal.load(open(p + ".m", "rb"))
