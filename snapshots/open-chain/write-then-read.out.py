# open(...).write() and open(...).read() in plain statements at module level
import sys

path = sys.argv[0] + ".txt"
with open(path, "w") as _f:
    _f.write("hello")
with open(path) as _fh:
    text = _fh.read()
print(text)
