# CPython flushed `out` at the return, after `w` emptied the file: a `with` ending at `out`'s last use would write it
# first, and `w` would empty it
def log(p, data):
    out = open(p, "a")
    out.write("appended\n")
    w = open(p, "w")
    w.write(data)
    w.close()


# `f`, opened to append before `g` and closed after it, flushes "F" before CPython flushed `g`'s "G" at the return;
# a `with` over `g` alone would write "G" first
def two_appenders(p):
    f = open(p, "a")
    g = open(p, "a")
    g.write("G")
    f.write("F")
    f.close()

