# Proof: a file written through `(base / name).open("w")` and read back at once is still empty on PyPy, whose
# GC has not closed (flushed) the first file yet.
from pathlib import Path


def save(base: Path, name, text):
    with (base / name).open("w") as f:
        f.write(text)


base = Path(".")
for i in range(3):
    save(base, "state.txt", "generation %d" % i)
    with base.joinpath("state.txt").open() as _f:
        got = _f.read()
    assert got == "generation %d" % i, "read back %r" % got
print("ok")
