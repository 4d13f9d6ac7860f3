# the with name avoids every name the function already uses (f, fh, fp)
def total(f, fh):
    fp = f + fh
    n = 0
    for line in open(fp):
        n += len(line)
    return n, f, fh
