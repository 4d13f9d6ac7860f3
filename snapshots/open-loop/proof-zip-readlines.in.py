# zip over two files and readlines() in a loop under a low descriptor limit: PyPy runs out of descriptors
import resource

resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
for name in ("a.txt", "b.txt"):
    with open(name, "w") as f:
        f.write("1\n2\n3\n")
same = 0
for _ in range(400):
    for left, right in zip(open("a.txt"), open("b.txt")):
        same += left == right
    for line in open("a.txt").readlines():
        same += 1
print(same)
