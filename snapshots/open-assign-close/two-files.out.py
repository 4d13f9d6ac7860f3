# Two files opened one after the other and closed one after the other, in the same order: either `with` alone
# would hold the other's open but not its close, so one `with` opens both.
def copy(src, dst):
    with open(src) as fin, open(dst, "w") as fout:
        for line in fin:
            fout.write(line)


# Closed in the reverse order: the blocks nest, one `with` inside the other (two passes).
def copy_nested(src, dst):
    with open(src) as fin:
        with open(dst, "w") as fout:
            fout.write(fin.read())


# A statement between the closes uses `fout` alone: `fin` gets its `with`; `fout`, opened inside it and closed
# after it, is reported (before the fix as after it).
def copy_apart(src, dst):
    with open(src) as fin:
        fout = open(dst, "w")
        fout.write(fin.read())
    fout.write("end\n")
    fout.close()


# Three in a run: one `with` of the three.
def merge(a, b, dst):
    with open(a) as left, open(b) as right, open(dst, "w") as out:
        out.write(left.read() + right.read())
