# Proof: output redirected into a file by contextlib.redirect_stdout is not flushed on PyPy when the `with`
# ends (redirect_stdout leaves the file open), so reading it back finds nothing.
import contextlib


def capture(p):
    with open(p, "w") as f, contextlib.redirect_stdout(f):
        print("redirected")


capture("out.txt")
with open("out.txt") as f:
    got = f.read()
assert got == "redirected\n", "read back %r" % got
print("ok")
