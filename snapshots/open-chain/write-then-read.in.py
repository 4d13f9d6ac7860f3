# open(...).write() and open(...).read() in plain statements at module level
import sys

path = sys.argv[0] + ".txt"
open(path, "w").write("hello")
text = open(path).read()
print(text)
