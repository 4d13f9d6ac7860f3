# A pair between two with blocks that bind the same name: the reads in the next with see its own file
def three(a, b, c):
    with open(a) as f:
        x = f.read()
    with open(b) as f:
        y = f.read()
    with open(c) as f:
        z = f.read()
    return x + y + z


with open(__file__) as f:
    first = f.readline()
with open(__file__) as f:
    again = f.readline()
