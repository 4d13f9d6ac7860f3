# A file opened read-write and read by a consumer in a loop's header (`json.load`): read, not written; the `with` holds
# the loop as for any read.
import json


def keys(path):
    for k in json.load(open(path, "r+")):
        print(k)
