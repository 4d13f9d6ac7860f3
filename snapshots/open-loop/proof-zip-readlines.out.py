# zip over two files and readlines() in a loop under a low descriptor limit: PyPy runs out of descriptors
import resource

resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
for name in ("a.txt", "b.txt"):
    with open(name, "w") as f:
        f.write("1\n2\n3\n")
same = 0
for _ in range(400):
    with open("a.txt") as fh, open("b.txt") as fp:
        for left, right in zip(fh, fp):
            same += left == right
    with open("a.txt") as f2:
        for line in f2.readlines():
            same += 1
print(same)
