# `*open(p)` in a display reads the file to its end while the display is built: the loop hands out lines
def both(p, extra):
    with open(p) as f:
        for line in [*f, extra]:
            print(line)
    with open(p) as fh:
        for line in (*fh, extra):
            print(line)


def plain_else(p):
    # An `else:` with nothing that waits, suspends or locks: fixed, as before
    with open(p) as f:
        for line in f:
            print(line)
        else:
            print("done")
