# `del f` while a `csv.writer` made of it still holds the file
import csv

def main(p):
    f = open(p, "a", newline="")
    w = csv.writer(f)
    w.writerow(["first"])
    del f
    with open(p, "a") as g:
        g.write("after\n")
