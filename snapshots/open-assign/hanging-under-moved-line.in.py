# A bracket that ends an aligned line: the lines under it move as that line moves.
def write(base, name, opts):
    out = open(base + name,
               "w", **opts.get(
                   "extra", {}))
    out.write("x")
