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
