# CRLF line endings stay CRLF in every line the fix adds
def total(p):
    n = 0
    with open(p) as f:
        for line in f:
            n += int(line)
        else:
            n += 1
    return n
