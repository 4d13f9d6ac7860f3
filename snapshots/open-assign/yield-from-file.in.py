def lines(path):
    # `yield from f` iterates the file, as `for line in f: yield line` does: the consumer gets lines, not the file.
    f = open(path)
    yield from f


def handles(path):
    # Reported: the consumer gets the file itself.
    f = open(path)
    yield f
