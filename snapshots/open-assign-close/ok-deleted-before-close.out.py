# Negative: `del f` before the close: the close raises (the name is unbound), which a with would not
def first_line(path):
    f = open(path)
    line = f.readline()
    del f
    f.close()
    return line
