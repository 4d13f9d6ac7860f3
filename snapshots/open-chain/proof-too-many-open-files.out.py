# Proof: reading many files with open(...).read() must not exhaust file descriptors
import os
import resource
import tempfile

resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
directory = tempfile.mkdtemp()
names = []
for i in range(10):
    name = os.path.join(directory, "part%d.txt" % i)
    with open(name, "w") as out:
        out.write("x" * (i + 1))
    names.append(name)


def size_of(name):
    with open(name) as f:
        return len(f.read())


total = 0
for _ in range(300):
    for name in names:
        total += size_of(name)
print(total)
