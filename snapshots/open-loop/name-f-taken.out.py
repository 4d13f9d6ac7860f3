# the with name avoids every name the function already uses (f, fh, fp)
def total(f, fh):
    fp = f + fh
    n = 0
    with open(fp) as f2:
        for line in f2:
            n += len(line)
    return n, f, fh
