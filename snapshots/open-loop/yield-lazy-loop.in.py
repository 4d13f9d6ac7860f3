# a generator looping over the file itself: the file was open while suspended before too, so the with is safe
def lines(p):
    for line in open(p):
        yield line.rstrip("\n")
