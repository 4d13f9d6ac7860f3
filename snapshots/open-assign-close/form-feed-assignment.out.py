# The assignments on lines that start with a form feed (the first also opens the function's block): the `with`
# keeps the form feed, and no form feed is added to the lines moved into it.


def copy(a, b):
    with open(a) as fin, open(b, "w") as fout:
        fout.write(fin.read())


def read(p):
    n = 0
    with open(p) as fh:
        data = fh.read()
    return data
