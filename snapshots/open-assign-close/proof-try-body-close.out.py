# Proof: a close in the `try` after the open; an exception before it leaves the data unflushed on PyPy until the GC runs
import os
import sys


def save(path, text):
    f = open(path, "w")
    try:
        with f:
            f.write(text)
            if text.endswith("!"):
                raise ValueError("bad trailer")
    except KeyError:
        print("never")


path = "proof-try-body.txt"
try:
    save(path, "important data!")
except ValueError as e:
    print("caught:", e)
with open(path) as g:
    got = g.read()
print("read back:", repr(got))
os.remove(path)
sys.exit(0 if got == "important data!" else 1)
