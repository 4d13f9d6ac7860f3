# -*- coding: latin-1 -*-
# A PEP 263 latin-1 file with non-ASCII text before and inside the fix stays latin-1
GREETING = "café crème"


def write(path):
    with open(path, "w", encoding="latin-1") as f:
        f.write("naïve über")  # déjà vu
