# a helper that records the path in a list writes nothing: fixed
WRITTEN = []


def remember(path):
    WRITTEN.append(path)


def main(p):
    with open(p, "w") as f:
        f.write("x")
    remember(p)
