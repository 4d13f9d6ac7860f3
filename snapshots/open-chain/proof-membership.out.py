# Proof: a membership test on a file left open (one per call) runs out of file descriptors on PyPy, whose GC
# closes the files late.
import resource

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))

with open("words.txt", "w") as out:
    out.write("alpha\nbeta\ngamma\n")


def known(line):
    with open("words.txt") as f:
        return line in f


hits = sum(known(w) for w in ["beta\n", "delta\n"] * 1000)
print(hits)
