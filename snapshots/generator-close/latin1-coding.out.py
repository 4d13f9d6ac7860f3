# -*- coding: latin-1 -*-
# A latin-1 file with non-ASCII text before the loop: offsets are characters, the encoding is kept.
def produce(n):
    """Produit des valeurs été après été."""
    try:
        yield from range(n)
    finally:
        print("nettoyé")


_gen = produce(3)
try:
    for x in _gen:  # à la fin
        if x == "é":
            break
finally:
    _gen.close()
