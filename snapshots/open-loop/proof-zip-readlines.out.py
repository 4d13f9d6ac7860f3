# zip over two files and readlines() in a loop under a low descriptor limit: PyPy runs out of descriptors
import resource

resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
for name in ("a.txt", "b.txt"):
    with open(name, "w") as f:
        f.write("1\n2\n3\n")
same = 0
for _ in range(400):
    with open("a.txt") as _f, open("b.txt") as _fh:
        for left, right in zip(_f, _fh):
            same += left == right
    with open("a.txt") as _fp:
        for line in _fp.readlines():
            same += 1
print(same)
