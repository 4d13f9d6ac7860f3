# json.dump to a fresh file, then read back: PyPy has not flushed it yet
import json

with open("data.json", "w") as _f:
    json.dump({"answer": 42}, _f)
with open("data.json") as f:
    print(json.load(f))
