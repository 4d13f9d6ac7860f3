# a generator looping over the file itself: the file was open while suspended before too, so the with is safe
def lines(p):
    with open(p) as f:
        for line in f:
            yield line.rstrip("\n")
