# f = open(p) never closed: the with runs from the assignment to the last statement using f
import json


def load(path):
    with open(path) as f:  # settings
        data = json.load(f)
    print(len(data))
    return data
