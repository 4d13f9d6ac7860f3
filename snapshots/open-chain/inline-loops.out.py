# One-line for / while bodies, with an else clause that stays with its loop
def copy_all(pairs, out):
    for src, dst in pairs:
        with open(dst, "w") as f:
            with open(src) as f2:
                f.write(f2.read())
    else:
        with open(out, "a") as fh:
            fh.write("done\n")
    n = 3
    while n:
        n -= 1
        with open(out, "a") as fp:
            fp.write("tick\n")
