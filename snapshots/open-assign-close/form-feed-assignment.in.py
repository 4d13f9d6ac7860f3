# The assignments on lines that start with a form feed (the first also opens the function's block): the `with`
# keeps the form feed, and no form feed is added to the lines moved into it.


def copy(a, b):
    fin = open(a)
    fout = open(b, "w")
    fout.write(fin.read())
    fin.close()
    fout.close()


def read(p):
    n = 0
    fh = open(p)
    data = fh.read()
    fh.close()
    return data
