# -*- coding: latin-1 -*-
# A latin-1 file with non-ASCII text before the loop: offsets are characters, the encoding is kept.
def produce(n):
    """Produit des valeurs été après été."""
    try:
        yield from range(n)
    finally:
        print("nettoyé")


for x in produce(3):  # à la fin
    if x == "é":
        break
