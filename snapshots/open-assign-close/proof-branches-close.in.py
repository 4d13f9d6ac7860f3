# Proof: a file closed by hand at the end of each branch stays unflushed on PyPy when a branch raises first
import os
import sys


def save(path, text):
    f = open(path, "w")
    if text.startswith("#"):
        f.write(text)
        if text.endswith("!"):
            raise ValueError("bad trailer")
        f.close()
    else:
        f.write("# " + text)
        f.close()


path = "proof-branches.txt"
try:
    save(path, "#important data!")
except ValueError as e:
    print("caught:", e)
with open(path) as g:
    got = g.read()
print("read back:", repr(got))
os.remove(path)
sys.exit(0 if got == "#important data!" else 1)
