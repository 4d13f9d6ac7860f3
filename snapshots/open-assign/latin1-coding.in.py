# -*- coding: latin-1 -*-
# A PEP 263 latin-1 file with non-ASCII text stays latin-1
NOTE = "résumé"


def write(path):
    f = open(path, "w", encoding="latin-1")  # écrit
    f.write(NOTE)
    return NOTE
