# Two pairs merged in a parenthesised `with` (target 3.10): each item's argument lines follow it to its new column.
def copy(src, dst):
    fin = open(src,
               "r")
    fout = open(dst,
                "w")
    fout.write(fin.read())
    fin.close()
    fout.close()
