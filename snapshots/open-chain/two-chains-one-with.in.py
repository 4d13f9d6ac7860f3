# open(b, "w").write(open(a).read()): one with, both files, opened in the original order
def mirror(a, b):
    open(b, "w").write(open(a).read())


def report(a, b, c):
    result = open(a).read() + open(b).read() + compute(open(c).read())
    return result


def compute(text):
    return text
