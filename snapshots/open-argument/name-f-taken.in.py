# the with names avoid every name the function already uses (f, fh, fp)
import json


def load(f, fh):
    fp = f + fh
    data = json.load(open(fp))
    return data, f, fh
