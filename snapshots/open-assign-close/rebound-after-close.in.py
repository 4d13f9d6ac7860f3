# A name bound again after the close, or before the open in its loop, reads nothing of the file
def checksum(paths, extra, c):
    out = []
    for name in paths:
        f = None
        f = open(name, "rb")
        out.append(f.read())
        f.close()
    f = None
    if c:
        f = open(extra, "rb")
        out.append(f.read())
        f.close()
    return out
