# Proof: a NamedTemporaryFile dropped without close() is deleted on PyPy only when the GC runs, so the
# directory fills up; CPython deleted each file when its function returned.
import os
import tempfile


def scratch(d, n):
    with tempfile.NamedTemporaryFile(dir=d) as tmp:
        tmp.write(b"x" * n)
        tmp.flush()
        return os.path.getsize(tmp.name)


d = tempfile.mkdtemp()
sizes = [scratch(d, n) for n in range(50)]
print(sum(sizes), os.listdir(d))
assert os.listdir(d) == []
os.rmdir(d)
