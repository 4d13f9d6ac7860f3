# for line in open(p) in a loop under a low descriptor limit: PyPy runs out of file descriptors
import resource

resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
with open("lines.txt", "w") as f:
    f.write("a\nb\nc\n")
total = 0
for _ in range(1000):
    with open("lines.txt") as _f:
        for line in _f:
            total += 1
print(total)
