# Proof: a name reopened and handed on under another name after the first file's close; the first file still gets its with
import resource

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))

with open("count.txt", "w") as out:
    out.write("not a number")


def reopen(p, q):
    fh = open(p)
    n = int(fh.read())
    fh.close()
    fh = open(q)
    g = fh
    return n, g


failures = 0
for i in range(2000):
    try:
        reopen("count.txt", "count.txt")
    except ValueError:
        failures += 1
print("failures:", failures)
