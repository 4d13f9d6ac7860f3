# A lambda has no statement for a `with`: open(p).read() becomes Path(p).read_text(), importing Path
import os

load = lambda p: open(p).read()
load_bytes = lambda p: open(p, "rb").read()
print(load(os.devnull))

# A path that holds an `int(…)` is still a path
frame = lambda i, s: open("frame%d.txt" % int(i), "w").write(s)
