# The rest of the statement runs the function again: CPython closed the file as `json.load` returned, a `with`
# around the statement would hold it through every level below. Reported, not fixed.
import json


def count(path, depth):
    if depth == 0:
        return 0
    return len(json.load(open(path))) + count(path, depth - 1)
