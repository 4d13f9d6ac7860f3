# A close parted from the code around it by blank lines goes with the blank line above it: one blank line still
# parts the block from what follows, not two. Two closes in a row go as one. A blank line only above or only below
# a close stays.
def one(a):
    with open(a, "w") as f:
        f.write("1")

    return 0


def two(a, b):
    with open(a, "w") as f1, open(b) as f2:
        f1.write("1")
        print(f2.read())

    return 0


def above_only(a):
    with open(a, "w") as f:
        f.write("1")

    return 0


def below_only(a):
    with open(a, "w") as f:
        f.write("1")

    return 0


def commented(a):
    with open(a, "w") as f:
        f.write("1")

    # done

    return 0
