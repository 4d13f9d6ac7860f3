# f = open(p) … f.close() in a function: the assignment becomes the with header, the close goes
import json


def load(path):
    with open(path) as f:  # the settings file
        data = json.load(f)
        print(len(data))
    return data
