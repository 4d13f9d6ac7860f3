# Proof: a function of the module that writes what it is given (`save(d, open(p, "w"))`), then the file read back at
# once: PyPy has not flushed it yet
import json


def save(d, out):
    json.dump(d, out)


for i in range(3):
    save({"i": i}, open("data.json", "w"))
    with open("data.json") as f:
        assert json.load(f) == {"i": i}
print("ok")
