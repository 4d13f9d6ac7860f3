# resources passed to consumers inside every kind of block, one-line bodies included
import json
import pickle


class Store:
    def save(self, p):
        pickle.dump(self, open(p, "wb"))


def blocks(paths, obj):
    if paths: json.dump(obj, open(paths[0], "w"))
    try:
        data = json.load(open(paths[1]))
    except OSError:
        data = None
    for p in paths:
        while p:
            json.dump(data, open(p, "w")); p = None
    with open(paths[0]) as src:
        json.dump(json.load(src), open(paths[2], "w"))
    return data


async def fetch(p):
    return json.load(open(p))
