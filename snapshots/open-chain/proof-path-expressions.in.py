# Proof: a file written through `(base / name).open("w")` and read back at once is still empty on PyPy, whose
# GC has not closed (flushed) the first file yet.
from pathlib import Path


def save(base: Path, name, text):
    (base / name).open("w").write(text)


base = Path(".")
for i in range(3):
    save(base, "state.txt", "generation %d" % i)
    got = base.joinpath("state.txt").open().read()
    assert got == "generation %d" % i, "read back %r" % got
print("ok")
