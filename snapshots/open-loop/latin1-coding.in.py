# -*- coding: latin-1 -*-
# a latin-1 file stays latin-1: the text around the fix keeps its bytes
label = "café"
for line in open("menu.txt"):
    print(label, line)
