# Proof: data written through open(...).write() must be on disk when the next line reads it back
import os
import tempfile

directory = tempfile.mkdtemp()
path = os.path.join(directory, "report.txt")


def save(text):
    open(path, "w").write(text)


save("total: 42\n")
content = open(path).read()
print(repr(content))
assert content == "total: 42\n", "the write was not flushed"
