# A close on a line that starts with a form feed (a page break): the close goes, the form feed stays on a line of
# its own; so does that of an assignment the `with` takes in.


def copy(a, b):
    with open(a) as fin, open(b, "w") as fout:

        fout.write(fin.read())



def read(p):
    with open(p) as fh:
        data = fh.read()


    return data


def last(p):
    with open(p) as fh:
        print(fh.read())
    
