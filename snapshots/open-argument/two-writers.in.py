# Two files written in one statement, handed to a function of the module: CPython 3.11+ closed them in order as the
# call's frame went, a `with` would close them in reverse (what each buffered lands in another order)
def merge(a, b):
    a.write("1")
    b.write("2")


def main(p):
    merge(open(p, "a"), open(p, "a"))


# Two distinct literal paths: one `with`
def split(d):
    merge(open("left.txt", "w"), open("right.txt", "w"))
