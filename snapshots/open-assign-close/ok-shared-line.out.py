# Negative: the assignment or the close shares its line with another statement: reported, not split
def a(path):
    f = open(path); data = f.read()
    f.close()
    return data


def b(path):
    f = open(path)
    data = f.read(); f.close()
    return data
