# Module-level files the module does not keep: in the body of `if __name__ == "__main__":`,
# which runs only as the program, and names deleted or bound anew after their last use
import sys

for p in sys.argv[:1]:
    g = open(p)
    text = g.read()
    del g

h = open(sys.argv[0])
first = h.readline()
h = rest = None

if __name__ == "__main__":
    f = open(sys.argv[0])
    line = f.readline()
    print(line.strip())

# Dropped after the last use, surely: the drop's own read comes first, a handler that
# ends the import, one `del` after another, a bare annotation that binds nothing
text = open(sys.argv[0])
text = text.read()

src = open(sys.argv[0])
try:
    n = len(src.readline())
except ValueError:
    raise SystemExit("bad")
del src

rd = open(sys.argv[0])
lines = iter(rd)
head = next(lines)
del lines
del rd

last = open(sys.argv[0])
tail = last.read()
last: object
last = None
