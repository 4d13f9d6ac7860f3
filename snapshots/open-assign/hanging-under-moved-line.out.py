# A bracket that ends an aligned line: the lines under it move as that line moves.
def write(base, name, opts):
    with open(base + name,
              "w", **opts.get(
                  "extra", {})) as out:
        out.write("x")
