# two files written in one statement on paths of other texts that may be one (`q = p`): reported
def emit(a, b):
    a.write("A")
    b.write("B")


def main(p):
    q = p
    emit(open(p, "a"), open(q, "a"))
