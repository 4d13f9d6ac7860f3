# A lambda has no statement for a `with`: open(p).read() becomes Path(p).read_text(), importing Path
import os

load = lambda p: open(p).read()
load_bytes = lambda p: open(p, "rb").read()
print(load(os.devnull))
