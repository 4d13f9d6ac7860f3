# CRLF file: fileinput.FileInput(...).readline() becomes a with, CRLF kept
import fileinput

with fileinput.FileInput(["a.txt", "b.txt"]) as _lines:
    first = _lines.readline()
