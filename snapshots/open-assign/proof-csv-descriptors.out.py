# Proof: csv files opened in a loop and never closed exhaust file descriptors on PyPy
import csv
import resource

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))

with open("data.csv", "w", newline="") as out:
    out.write("a,b\n1,2\n")


def header(path):
    with open(path, newline="") as fh:
        reader = csv.reader(fh)
        first = next(reader)
    return first


total = 0
for i in range(2000):
    total += len(header("data.csv"))
print("columns:", total)
