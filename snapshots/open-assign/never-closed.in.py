# f = open(p) never closed: the with runs from the assignment to the last statement using f
import json


def load(path):
    f = open(path)  # settings
    data = json.load(f)
    print(len(data))
    return data
