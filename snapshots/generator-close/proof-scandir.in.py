# Proof: a loop that returns out of os.scandir() must not leave a directory descriptor open each time
import os
import resource
import tempfile

resource.setrlimit(resource.RLIMIT_NOFILE, (64, 64))
root = tempfile.mkdtemp()
for i in range(5):
    open(os.path.join(root, "f%d.txt" % i), "w").close()


def first_file(path):
    for entry in os.scandir(path):
        if entry.is_file():
            return entry.name


names = [first_file(root) for _ in range(300)]
print(len(names), "lookups")
