# -*- coding: latin-1 -*-
# a latin-1 file stays latin-1: the text around the fix keeps its bytes
label = "café"
with open("menu.txt") as _f:
    for line in _f:
        print(label, line)
