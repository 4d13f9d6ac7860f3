# Fixed: a file opened for reading may be closed after the rest of the statement; nothing could see the difference.
import json

with open("in.json") as f:
    items = json.load(f) + [3]
with open("in.json", "rb") as fh:
    more = json.load(fh) + json.load(open("in.json", mode="r"))
