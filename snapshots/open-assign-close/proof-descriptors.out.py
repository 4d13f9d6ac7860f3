# Proof: files left open by early exits pile up on PyPy until the process runs out of descriptors
import resource

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))

with open("data.txt", "w") as out:
    out.write("line\n" * 3)


def first_line(path):
    with open(path) as f:
        line = f.readline()
        if line:
            return line.strip()
    return None


seen = 0
for i in range(2000):
    if first_line("data.txt") == "line":
        seen += 1
print("lines:", seen)
