# A statement on a line that starts with a form feed: the `with` keeps it; its body is indented from after it.
import json


def load(p):
    n = 0
    with open(p) as f:
        data = json.load(f)
    return data
