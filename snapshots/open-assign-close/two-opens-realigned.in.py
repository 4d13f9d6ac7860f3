# Two opens merged into one `with`: each one's continuation lines follow its bracket to its new column.
def copy(src, dst):
    fin = open(src,
               "rb")
    fout = open(dst,
                "wb")
    fout.write(fin.read())
    fin.close()
    fout.close()
