# A lambda's open(p).read() in a module that lists `globals()`: the `from pathlib import Path` the fix needs would show in it, so no fix
import os

load = lambda p: open(p).read()
print(load(os.devnull), sorted(n for n in globals() if not n.startswith("_")))
