# a helper that records the path in a list writes nothing: fixed
WRITTEN = []


def remember(path):
    WRITTEN.append(path)


def main(p):
    f = open(p, "w")
    f.write("x")
    remember(p)
