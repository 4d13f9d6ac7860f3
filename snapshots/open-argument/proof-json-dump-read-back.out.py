# json.dump to a fresh file, then read back: PyPy has not flushed it yet
import json

with open("data.json", "w") as fh:
    json.dump({"answer": 42}, fh)
with open("data.json") as f:
    print(json.load(f))
