# Passed only to known-safe callees: print(file=), json.dump, shutil.copyfileobj, "".join, sorted
import json
import shutil


def dump(path, obj, src):
    with open(path, "w") as out:
        print("# header", file=out)
        json.dump(obj, out)
        shutil.copyfileobj(src, out)
    with open(path) as inp:
        text = "".join(inp)
        lines = sorted(inp)
    n = len(text) + len(lines)
    return n
