# Proof: an exception between open and close leaves the data unflushed on PyPy until the GC runs
import os
import sys


def save(path, text):
    with open(path, "w") as f:
        f.write(text)
        if text.startswith("!"):
            raise ValueError("bad header")


path = "proof.txt"
try:
    save(path, "!important data")
except ValueError as e:
    print("caught:", e)
with open(path) as g:
    got = g.read()
print("read back:", repr(got))
os.remove(path)
sys.exit(0 if got == "!important data" else 1)
