# A name bound again after the close, or before the open in its loop, reads nothing of the file
def checksum(paths, extra, c):
    out = []
    for name in paths:
        f = None
        with open(name, "rb") as f:
            out.append(f.read())
    f = None
    if c:
        with open(extra, "rb") as f:
            out.append(f.read())
    return out
