# a redirect whose block keeps `sys.stdout` (printed to after the block): unsafe
import contextlib
import sys


def run(p):
    with contextlib.redirect_stdout(open(p, "w")):
        print("inside")
        saved = sys.stdout
    print("after", file=saved)
