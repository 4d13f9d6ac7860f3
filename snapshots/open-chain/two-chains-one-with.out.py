# open(b, "w").write(open(a).read()): one with, both files, opened in the original order
def mirror(a, b):
    with open(b, "w") as f, open(a) as fh:
        f.write(fh.read())


def report(a, b, c):
    with open(a) as f:
        result = f.read() + open(b).read() + compute(open(c).read())
    return result


def compute(text):
    return text
