# an open of the path inside a lambda after the last use counts as the function's
def run(p, extra):
    f = open(p, "w")
    f.write("header\n")
    list(map(lambda t: open(p, "a").write(t), extra))
