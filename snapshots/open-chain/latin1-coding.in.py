# -*- coding: latin-1 -*-
# A latin-1 file with non-ASCII text before the match: été, café
GREETING = "bonjour à tous"


def save(path):
    open(path, "w").write(GREETING)  # écrit
