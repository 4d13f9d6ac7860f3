# A close on a line that starts with a form feed (a page break): the close goes, the form feed stays on a line of
# its own; so does that of an assignment the `with` takes in.


def copy(a, b):
    fin = open(a)
    fout = open(b, "w")
    fout.write(fin.read())
    fin.close()
    fout.close()


def read(p):
    fh = open(p)
    data = fh.read()
    fh.close()

    return data


def last(p):
    fh = open(p)
    print(fh.read())
        fh.close()
