# A statement on a line that starts with a form feed: the `with` keeps it; its body is indented from after it.
import json


def load(p):
    n = 0
    data = json.load(open(p))
    return data
