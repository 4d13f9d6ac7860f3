# A path written through a temporary, which CPython closed as its statement ended, then opened again to append:
# the `with` over the second file writes in the same order
def header_by_temporary(p, rows):
    open(p, "w").write("header\n")
    g = open(p, "a")
    for r in rows:
        g.write(r)
