# A path written through a temporary, which CPython closed as its statement ended, then opened again to append:
# the `with` over the second file writes in the same order
def header_by_temporary(p, rows):
    open(p, "w").write("header\n")
    with open(p, "a") as g:
        for r in rows:
            g.write(r)
