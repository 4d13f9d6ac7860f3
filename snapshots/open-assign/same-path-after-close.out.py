# A path written and closed, then opened again to append: the `with` over the second file writes in the same order
def header_then_rows(p, rows):
    f = open(p, "w")
    f.write("header\n")
    f.close()
    with open(p, "a") as g:
        for r in rows:
            g.write(r)


def header_in_with(p, rows):
    with open(p, "w") as f:
        f.write("header\n")
    with open(p, "a") as g:
        for r in rows:
            g.write(r)
