# Proof: a two-line file unpacked into two names in a loop leaves every file open on PyPy until its GC runs,
# and the loop runs out of file descriptors.
import resource

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))

with open("pair.txt", "w") as out:
    out.write("key\nvalue\n")


def read_pair(p):
    key, value = open(p)
    return key.strip(), value.strip()


pairs = [read_pair("pair.txt") for _ in range(2000)]
print(len(pairs), pairs[-1])
