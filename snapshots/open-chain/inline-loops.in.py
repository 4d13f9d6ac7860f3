# One-line for / while bodies, with an else clause that stays with its loop
def copy_all(pairs, out):
    for src, dst in pairs: open(dst, "w").write(open(src).read())
    else: open(out, "a").write("done\n")
    n = 3
    while n: n -= 1; open(out, "a").write("tick\n")
