# `open(**kw)`: the path is not known, whether later code writes it cannot be told
def run(kw):
    f = open(**kw)
    f.write("header\n")
    with open(kw["file"], "a") as g:
        g.write("footer\n")
