# Two opens merged into one `with`: each one's continuation lines follow its bracket to its new column.
def copy(src, dst):
    with open(src,
              "rb") as fin, open(dst,
                                 "wb") as fout:
        fout.write(fin.read())
