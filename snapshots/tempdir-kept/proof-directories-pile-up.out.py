# Proof: a function that keeps a TemporaryDirectory in a variable must leave no directory behind when it returns
import os
import tempfile


def size_of(text):
    tmp = tempfile.TemporaryDirectory()
    with tmp:
        path = os.path.join(tmp.name, "data.txt")
        with open(path, "w") as f:
            f.write(text)
        return os.path.getsize(path), tmp.name


left = []
for i in range(20):
    size, where = size_of("x" * i)
    if os.path.exists(where):
        left.append(where)
print("directories left:", len(left))
assert not left, "temporary directories were left on disk"
