# One-line for / while bodies, with an else clause that stays with its loop
def copy_all(pairs, out):
    for src, dst in pairs:
        with open(dst, "w") as f, open(src) as fh:
            f.write(fh.read())
    else:
        with open(out, "a") as fp:
            fp.write("done\n")
    n = 3
    while n:
        n -= 1
        with open(out, "a") as f2:
            f2.write("tick\n")
