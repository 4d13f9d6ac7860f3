# A close parted from the code around it by blank lines goes with the blank line above it: one blank line still
# parts the block from what follows, not two. Two closes in a row go as one. A blank line only above or only below
# a close stays.
def one(a):
    f = open(a, "w")
    f.write("1")

    f.close()

    return 0


def two(a, b):
    f1 = open(a, "w")
    f2 = open(b)
    f1.write("1")
    print(f2.read())

    f1.close()
    f2.close()

    return 0


def above_only(a):
    f = open(a, "w")
    f.write("1")

    f.close()
    return 0


def below_only(a):
    f = open(a, "w")
    f.write("1")
    f.close()

    return 0


def commented(a):
    f = open(a, "w")
    f.write("1")

    f.close()  # done

    return 0
