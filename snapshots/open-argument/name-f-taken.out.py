# the with names avoid every name the function already uses (f, fh, fp)
import json


def load(f, fh):
    fp = f + fh
    with open(fp) as f2:
        data = json.load(f2)
    return data, f, fh
