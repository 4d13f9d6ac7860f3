# the next turn's `open(p, "w")` empties the file first
def main(p, items):
    for it in items:
        try:
            f = open(p, "w")
            f.write(it)
            if it.startswith("bad"):
                raise ValueError(it)
            f.close()
        except ValueError:
            pass
