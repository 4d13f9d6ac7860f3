# Negative: a break can skip the rebinding, so the read after the loop may see the first file
def first_nonempty(paths, spare):
    for p in paths:
        fh = open(p)
        head = fh.read(1)
        if head:
            break
        fh = open(spare)
    return fh
