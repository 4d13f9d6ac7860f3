# Negative: used after the block (also in a later iteration of a loop): reported, not fixed
def after(path, flag):
    if flag:
        f = open(path)
        f.read()
    print(f.name)


def loop(paths):
    for p in paths:
        if p is None:
            print(f.name)
        f = open(p)
        f.read()
