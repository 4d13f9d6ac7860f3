# CRLF line endings stay CRLF, also in the lines the fix re-indents
def count(path):
    with open(path) as f:
        n = 0
        for line in f:
            n += 1
    return n
