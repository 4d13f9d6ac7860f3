# Plain, augmented, annotated and chained assignment targets
def collect(a, b, c):
    text = open(a).read()
    text += open(b).read()
    size: int = open(c, "rb").seek(0, 2)
    first = second = open(a).readline()
    return text, size, first, second
