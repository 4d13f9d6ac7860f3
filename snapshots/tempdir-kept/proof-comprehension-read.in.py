# Proof: `tmp.name` read in a list comprehension. PyPy removes each directory only at a later garbage
# collection: they pile up. After the fix each call removes its own at its return.
import os
import tempfile


def build(names):
    tmp = tempfile.TemporaryDirectory()
    paths = [os.path.join(tmp.name, n) for n in names]
    for p in paths:
        with open(p, "w") as f:
            f.write(p)
    return sorted(os.listdir(tmp.name)), tmp.name


left = []
for i in range(20):
    listed, where = build(["a", "b"])
    if os.path.exists(where):
        left.append(where)
print("listed:", listed)
print("directories left:", len(left))
assert not left, "temporary directories were left on disk"
