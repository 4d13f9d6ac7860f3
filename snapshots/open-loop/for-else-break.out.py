# for line in open(p): the with wraps the whole loop, its else: and break included
import sys


def first_match(p, word):
    with open(p) as f:
        for line in f:
            if word in line:
                break
        else:
            line = None
    return line


with open(sys.argv[0]) as _f:
    for line in _f:
        print(line.rstrip())
