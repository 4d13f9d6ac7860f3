# Negative: f is read after f.close() (also from a later iteration of a loop): reported, not fixed
def tell(path):
    f = open(path)
    f.read()
    f.close()
    return f.closed


def loop(paths):
    for p in paths:
        if p is None:
            print(f.name)
        f = open(p)
        f.read()
        f.close()
