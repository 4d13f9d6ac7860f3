import sqlite3
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


def conditional_closed_by_with(path):
    # Not reported: the `with` closes the file (the other value, a stream, is no file of the code's).
    out = open(path, "w") if path else sys.stdout
    with out:
        out.write("x")


def conditional_connection(path):
    # Reported: a sqlite3 connection's `with` only commits; it does not close.
    conn = sqlite3.connect(path) if path else None
    with conn:
        conn.execute("select 1")
