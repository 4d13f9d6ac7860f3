# A script at module level; a one-line compound statement in the region is re-indented as a whole
import sys

with open(sys.argv[0]) as f:
    first = f.readline()
    if first: print(first.strip())
