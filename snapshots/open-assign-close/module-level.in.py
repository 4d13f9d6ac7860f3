# A script at module level; a one-line compound statement in the region is re-indented as a whole
import sys

f = open(sys.argv[0])
first = f.readline()
if first: print(first.strip())
f.close()
