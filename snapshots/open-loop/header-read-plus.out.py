# A file opened read-write and read by a consumer in a loop's header (`json.load`): read, not written; the `with` holds
# the loop as for any read.
import json


def keys(path):
    with open(path, "r+") as f:
        for k in json.load(f):
            print(k)
