# A zip member shares the archive's descriptor: closing the archive leaves it open while the member is.
# On PyPy the member read in one statement stays open until the GC runs: the loop runs out of descriptors.
import os
import resource
import tempfile
import zipfile

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (64, hard))

path = os.path.join(tempfile.mkdtemp(), "m.zip")
with zipfile.ZipFile(path, "w") as out:
    out.writestr("a.txt", "hello")


def member(z, name):
    with zipfile.ZipFile(z) as zf:
        with zf.open(name) as m:
            return m.read()


for i in range(300):
    data = member(path, "a.txt")
print(data)
