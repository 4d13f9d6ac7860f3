# CRLF line endings stay CRLF in every line the fix adds
import json


def save(obj, p):
    json.dump(obj, open(p, "w"))
    return json.load(open(p))
