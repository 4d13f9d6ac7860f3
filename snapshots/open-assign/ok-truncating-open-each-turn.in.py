# the next turn's `open(p, "w")` empties the file before CPython flushed the last turn's (at the rebinding)
def main(p, items):
    for it in items:
        f = open(p, "w")
        f.write(it)
