# Two pairs merged in a parenthesised `with` (target 3.10): each item's argument lines follow it to its new column.
def copy(src, dst):
    with (
        open(src,
             "r") as fin,
        open(dst,
             "w") as fout,
    ):
        fout.write(fin.read())
