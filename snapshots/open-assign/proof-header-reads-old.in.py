# Proof: the with that rebinds the name reads the next path from the old file in its header; the old file is
# closed only by the GC on PyPy, so descriptors run out. The new with takes that header in.
import resource

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))

with open("index.txt", "w") as out:
    out.write("plain\ndata.txt\n")
with open("data.txt", "w") as out:
    out.write("payload")


def follow(path):
    f = open(path)
    kind = f.readline().strip()
    with open(f.readline().strip()) as f:
        body = f.read()
    return kind, body


results = set()
for i in range(2000):
    results.add(follow("index.txt"))
print(sorted(results))
