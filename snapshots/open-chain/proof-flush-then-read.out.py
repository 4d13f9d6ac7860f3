# Proof: data written through open(...).write() must be on disk when the next line reads it back
import os
import tempfile

directory = tempfile.mkdtemp()
path = os.path.join(directory, "report.txt")


def save(text):
    with open(path, "w") as f:
        f.write(text)


save("total: 42\n")
with open(path) as _f:
    content = _f.read()
print(repr(content))
assert content == "total: 42\n", "the write was not flushed"
