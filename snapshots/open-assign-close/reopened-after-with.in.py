# A pair between two with blocks that bind the same name: the reads in the next with see its own file
def three(a, b, c):
    with open(a) as f:
        x = f.read()
    f = open(b)
    y = f.read()
    f.close()
    with open(c) as f:
        z = f.read()
    return x + y + z


f = open(__file__)
first = f.readline()
f.close()
with open(__file__) as f:
    again = f.readline()
