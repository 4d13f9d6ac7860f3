# Reported without a fix: the statement reads the file back after json.dump wrote it; CPython had flushed and closed it by then.
import json


def check(path):
    with open(path) as f:
        return f.read()


ok = json.dump([1], open("out.json", "w")) or check("out.json")
print(json.dump([2], open("out.json", mode="a")), check("out.json"))
