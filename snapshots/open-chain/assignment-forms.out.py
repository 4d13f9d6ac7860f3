# Plain, augmented, annotated and chained assignment targets
def collect(a, b, c):
    with open(a) as f:
        text = f.read()
    with open(b) as fh:
        text += fh.read()
    with open(c, "rb") as fp:
        size: int = fp.seek(0, 2)
    with open(a) as f2:
        first = second = f2.readline()
    return text, size, first, second
