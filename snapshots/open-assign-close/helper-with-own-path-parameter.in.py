# a function of the file with its own `path` parameter, given another path; fixed
import json
import os


def describe(path):
    return os.path.basename(path)


def save(path, data):
    try:
        f = open(path, "w")
        json.dump(data, f)
        f.close()
    except TypeError:
        print("not serializable")
    print("saved", describe("other.json"))
