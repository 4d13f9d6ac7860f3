# Proof: a file written and never closed is not flushed on PyPy when the next step reads it back
import os
import sys


def save(path, text):
    with open(path, "w") as f:
        f.write(text)
    print("wrote", len(text))


save("proof.txt", "hello pypy")
with open("proof.txt") as g:
    got = g.read()
print("read back:", repr(got))
os.remove("proof.txt")
sys.exit(0 if got == "hello pypy" else 1)
