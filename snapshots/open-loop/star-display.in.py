# `*open(p)` in a display reads the file to its end while the display is built: the loop hands out lines
def both(p, extra):
    for line in [*open(p), extra]:
        print(line)
    for line in (*open(p), extra):
        print(line)


def plain_else(p):
    # An `else:` with nothing that waits, suspends or locks: fixed, as before
    for line in open(p):
        print(line)
    else:
        print("done")
