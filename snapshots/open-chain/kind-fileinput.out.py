# CRLF file: fileinput.input(...).readline() becomes a with, CRLF kept
import fileinput

with fileinput.input(["a.txt", "b.txt"]) as lines:
    first = lines.readline()
