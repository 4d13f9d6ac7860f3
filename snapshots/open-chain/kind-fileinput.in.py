# CRLF file: fileinput.input(...).readline() becomes a with, CRLF kept
import fileinput

first = fileinput.input(["a.txt", "b.txt"]).readline()
