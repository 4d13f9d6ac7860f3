# Fixed: a file opened for reading may be closed after the rest of the statement; nothing could see the difference.
import json

with open("in.json") as _f:
    items = json.load(_f) + [3]
with open("in.json", "rb") as _fh:
    more = json.load(_fh) + json.load(open("in.json", mode="r"))
