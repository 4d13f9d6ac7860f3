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
