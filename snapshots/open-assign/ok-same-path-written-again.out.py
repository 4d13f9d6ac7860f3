# CPython flushed `out` at the return, after `w` emptied the file: a `with` ending at `out`'s last use would write it
# first, and `w` would empty it
def log(p, data):
    out = open(p, "a")
    out.write("appended\n")
    w = open(p, "w")
    w.write(data)
    w.close()
