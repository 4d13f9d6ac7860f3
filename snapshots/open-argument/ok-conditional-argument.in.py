import json
import sys


# The file is one branch of a conditional expression passed to a consumer: reported, never fixed (the branch may
# not run, and a `with` cannot open it only when it does).
def dump(d, p):
    json.dump(d, open(p, "w") if p else sys.stdout)


def log(msg, err):
    print(msg, file=sys.stderr if err else open("app.log", "a"))


def load(p):
    return json.load((open(p) if p else sys.stdin))
