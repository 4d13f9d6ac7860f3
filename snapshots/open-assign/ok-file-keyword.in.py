# `open(file=p, mode="a")`: the path given by keyword
def main(p):
    f = open(file=p, mode="a")
    f.write("first\n")
    with open(p, "a") as g:
        g.write("after\n")
