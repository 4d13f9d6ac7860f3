# list comprehensions and counted generator expressions over open(p) in a loop: PyPy runs out of descriptors
import resource

resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
with open("lines.txt", "w") as f:
    f.write("a\nb\nc\n")
total = 0
for _ in range(500):
    lines = [line.strip() for line in open("lines.txt")]
    count = sum(1 for _ in open("lines.txt"))
    total += len(lines) + count
print(total)
