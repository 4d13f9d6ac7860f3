# a redirect whose block only has the word "stdout" in a string: safe
from contextlib import redirect_stdout


def main(p):
    with redirect_stdout(open(p, "w")):
        print("report (was on stdout)")
