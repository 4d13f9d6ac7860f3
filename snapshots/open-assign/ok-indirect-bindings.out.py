import sys


def report(path, lines):
    out = open(path, "w") if path else sys.stdout
    out.writelines(lines)


def closed(path, lines):
    out = open(path, "w") if path else sys.stdout
    out.writelines(lines)
    if out is not sys.stdout:
        out.close()


def walrus(path):
    if (f := open(path)):
        return f.readline()


def pair(a, b):
    fin, fout = open(a), open(b, "w")
    fout.write(fin.read())


def counted(path):
    out, n = open(path, "w"), 0
    out.write("x")
    out.close()
    return n
