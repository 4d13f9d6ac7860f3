# CRLF line endings stay CRLF, also in the lines the fix re-indents
def count(path):
    f = open(path)
    n = 0
    for line in f:
        n += 1
    f.close()
    return n
