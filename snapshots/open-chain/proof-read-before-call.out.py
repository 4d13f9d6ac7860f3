# Proof: the file read for a call's argument stays open on PyPy until the GC runs, so the call sees one more
# open descriptor; CPython closed it when read() returned, before the call, and so does the rewrite (a `with`
# around the call would hold it open while the call runs).
import os


def open_descriptors():
    return len(os.listdir("/proc/self/fd"))


def main(text):
    assert open_descriptors() == before, "the file is still open while main() runs"
    print(text.strip())


with open("proof-read-before-call.txt", "w") as out:
    out.write("configured\n")
before = open_descriptors()
with open("proof-read-before-call.txt") as _f:
    _text = _f.read()
main(_text)
