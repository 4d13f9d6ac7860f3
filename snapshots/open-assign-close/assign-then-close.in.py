# f = open(p) … f.close() in a function: the assignment becomes the with header, the close goes
import json


def load(path):
    f = open(path)  # the settings file
    data = json.load(f)
    print(len(data))
    f.close()
    return data
