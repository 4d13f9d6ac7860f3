# Two files opened one after the other and closed one after the other, in the same order: either `with` alone
# would hold the other's open but not its close, so one `with` opens both.
def copy(src, dst):
    fin = open(src)
    fout = open(dst, "w")
    for line in fin:
        fout.write(line)
    fin.close()
    fout.close()


# Closed in the reverse order: the blocks nest, one `with` inside the other (two passes).
def copy_nested(src, dst):
    fin = open(src)
    fout = open(dst, "w")
    fout.write(fin.read())
    fout.close()
    fin.close()


# A statement between the closes uses `fout` alone: `fin` gets its `with`; `fout`, opened inside it and closed
# after it, is reported (before the fix as after it).
def copy_apart(src, dst):
    fin = open(src)
    fout = open(dst, "w")
    fout.write(fin.read())
    fin.close()
    fout.write("end\n")
    fout.close()


# Three in a run: one `with` of the three.
def merge(a, b, dst):
    left = open(a)
    right = open(b)
    out = open(dst, "w")
    out.write(left.read() + right.read())
    left.close()
    right.close()
    out.close()
