# A script at module level, reused name after the block
import sys

f = open(sys.argv[0])
first = f.readline()
print(first.strip())
f = None
print(f)
