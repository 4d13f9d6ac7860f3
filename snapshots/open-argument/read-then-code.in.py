# Fixed: a file opened for reading may be closed after the rest of the statement; nothing could see the difference.
import json

items = json.load(open("in.json")) + [3]
more = json.load(open("in.json", "rb")) + json.load(open("in.json", mode="r"))
