# CRLF line endings stay CRLF in every line the fix adds
def total(p):
    n = 0
    for line in open(p):
        n += int(line)
    else:
        n += 1
    return n
