# Module-level files the module does not keep: in the body of `if __name__ == "__main__":`,
# which runs only as the program, and names deleted or bound anew after their last use
import sys

for p in sys.argv[:1]:
    with open(p) as g:
        text = g.read()
        del g

with open(sys.argv[0]) as h:
    first = h.readline()
h = rest = None

if __name__ == "__main__":
    with open(sys.argv[0]) as f:
        line = f.readline()
    print(line.strip())

# Dropped after the last use, surely: the drop's own read comes first, a handler that
# ends the import, one `del` after another, a bare annotation that binds nothing
with open(sys.argv[0]) as text:
    text = text.read()

with open(sys.argv[0]) as src:
    try:
        n = len(src.readline())
    except ValueError:
        raise SystemExit("bad")
    del src

with open(sys.argv[0]) as rd:
    lines = iter(rd)
    head = next(lines)
    del lines
    del rd

with open(sys.argv[0]) as last:
    tail = last.read()
    last: object
last = None
