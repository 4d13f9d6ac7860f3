import os
import tempfile


def work(i):
    # `a` gets its `with`; `b`, kept inside it, is still found: CPython removed `a` first, so `b`'s own
    # `with` (which removes it first) is an unsafe fix (unsafe/second-kept), reported here.
    a = tempfile.TemporaryDirectory(prefix="probeA")
    b = tempfile.TemporaryDirectory(prefix="probeB")
    with open(os.path.join(b.name, "x"), "w") as f:
        f.write(a.name)
    return i
