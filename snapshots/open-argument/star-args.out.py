# `*args` of the function's own star parameter is a tuple: unpacking it runs no code, so the file may be
# opened first (fixed). Another iterable, or the parameter bound again, may run code: reported.
LOG = "/tmp/withify-star.log"


def log(*args):
    with open(LOG, "a") as f:
        print(*args, file=f)


def log2(*args, **kw):
    args = [a for a in args if a]
    print(*args, file=open(LOG, "a"))


def log3(items):
    print(*items, file=open(LOG, "a"))


def rebound(*args):
    a, *args = args
    print(*args, file=open("x", "a"))

def rebound_in_list(*args):
    [x, args] = 1, 2
    print(*args, file=open("x", "a"))
