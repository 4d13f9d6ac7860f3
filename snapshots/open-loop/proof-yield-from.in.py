# yield from over a file, and over csv.reader of one, in generators the caller runs to the end: PyPy keeps each file open until its GC runs and runs out of descriptors
import csv
import resource

resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
with open("d.txt", "w") as out:
    out.write("a,b\nc,d\n")


def lines(path):
    yield from open(path)


def rows(path):
    yield from csv.reader(open(path))


n = 0
for _ in range(400):
    n += len(list(lines("d.txt")))
    n += sum(len(row) for row in rows("d.txt"))
print(n)
