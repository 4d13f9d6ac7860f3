# a function of the file with its own `path` parameter, given another path; fixed
import json
import os


def describe(path):
    return os.path.basename(path)


def save(path, data):
    try:
        with open(path, "w") as f:
            json.dump(data, f)
    except TypeError:
        print("not serializable")
    print("saved", describe("other.json"))
