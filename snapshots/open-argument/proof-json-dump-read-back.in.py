# json.dump to a fresh file, then read back: PyPy has not flushed it yet
import json

json.dump({"answer": 42}, open("data.json", "w"))
with open("data.json") as f:
    print(json.load(f))
