# A script at module level, reused name after the block
import sys

with open(sys.argv[0]) as f:
    first = f.readline()
print(first.strip())
f = None
print(f)
