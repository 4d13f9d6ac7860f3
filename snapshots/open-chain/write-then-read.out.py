# open(...).write() and open(...).read() in plain statements at module level
import sys

path = sys.argv[0] + ".txt"
with open(path, "w") as f:
    f.write("hello")
with open(path) as fh:
    text = fh.read()
print(text)
