# a function of the file that opens another file to read: no writer; fixed
import json

def describe(path):
    with open(__file__) as fh:
        first = fh.readline().strip()
    return f"{path} (written by {first})"

def save(p, d):
    with open(p, "w") as f:
        json.dump(d, f)
    print(describe(p))
