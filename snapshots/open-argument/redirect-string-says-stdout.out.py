# a redirect whose block only has the word "stdout" in a string: safe
from contextlib import redirect_stdout


def main(p):
    with open(p, "w") as f, redirect_stdout(f):
        print("report (was on stdout)")
