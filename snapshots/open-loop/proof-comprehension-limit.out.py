# list comprehensions and counted generator expressions over open(p) in a loop: PyPy runs out of descriptors
import resource

resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
with open("lines.txt", "w") as f:
    f.write("a\nb\nc\n")
total = 0
for _ in range(500):
    with open("lines.txt") as _f:
        lines = [line.strip() for line in _f]
    with open("lines.txt") as _fh:
        count = sum(1 for _ in _fh)
    total += len(lines) + count
print(total)
