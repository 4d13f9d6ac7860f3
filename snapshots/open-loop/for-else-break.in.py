# for line in open(p): the with wraps the whole loop, its else: and break included
import sys


def first_match(p, word):
    for line in open(p):
        if word in line:
            break
    else:
        line = None
    return line


for line in open(sys.argv[0]):
    print(line.rstrip())
