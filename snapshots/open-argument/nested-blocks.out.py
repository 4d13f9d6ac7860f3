# resources passed to consumers inside every kind of block, one-line bodies included
import json
import pickle


class Store:
    def save(self, p):
        with open(p, "wb") as f:
            pickle.dump(self, f)


def blocks(paths, obj):
    if paths:
        with open(paths[0], "w") as f:
            json.dump(obj, f)
    try:
        with open(paths[1]) as fh:
            data = json.load(fh)
    except OSError:
        data = None
    for p in paths:
        while p:
            with open(p, "w") as fp:
                json.dump(data, fp)
            p = None
    with open(paths[0]) as src:
        json.dump(json.load(src), open(paths[2], "w"))
    return data


async def fetch(p):
    with open(p) as f:
        return json.load(f)
