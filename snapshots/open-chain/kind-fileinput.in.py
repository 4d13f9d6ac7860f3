# CRLF file: fileinput.FileInput(...).readline() becomes a with, CRLF kept
import fileinput

first = fileinput.FileInput(["a.txt", "b.txt"]).readline()
