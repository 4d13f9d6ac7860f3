# Passed only to known-safe callees: print(file=), json.dump, shutil.copyfileobj, "".join, sorted
import json
import shutil


def dump(path, obj, src):
    out = open(path, "w")
    print("# header", file=out)
    json.dump(obj, out)
    shutil.copyfileobj(src, out)
    inp = open(path)
    text = "".join(inp)
    lines = sorted(inp)
    n = len(text) + len(lines)
    return n
