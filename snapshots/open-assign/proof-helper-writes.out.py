# Proof: a file handed to a function of the module that only writes to it (`save`, which calls `header` and
# `json.dump`) stays open, unflushed, on PyPy until its GC runs: reading it back right after finds it empty.
# withify reads `save` and `header`, sees that neither keeps the file, and closes it after the last use.
import json
import os


def header(out, title):
    out.write("# %s\n" % title)


def save(data, out, title="state"):
    header(out, title)
    json.dump(data, out)
    out.write("\n")


def store(path, data):
    with open(path, "w") as f:
        save(data, f, title="run")
    print("stored", len(data), "keys")


store("helper-state.json", {"a": 1, "b": 2})
with open("helper-state.json") as f:
    text = f.read()
os.remove("helper-state.json")
print(text, end="")
assert text.endswith("}\n"), "the data never reached the disk"
