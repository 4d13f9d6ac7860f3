import json
import os
import sys

# Reported, not fixed, each for the reason that comes first: a lambda has no statement, a conditional expression
# may not run the call at all (before any talk of code after a write, or of a loop header).
writer = lambda p, s: open(p, "w").write(s)
open("x.txt", "x").write("e") if not os.path.exists("x.txt") else None
save = lambda d, p: json.dump(d, open(p, "w"))


def chunks(p):
    for chunk in iter(lambda: open(p, "rb").read(4), b""):
        print(chunk)


def lines(p):
    return [line for line in (open(p) if p else sys.stdin)]
