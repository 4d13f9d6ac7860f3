# CRLF line endings stay CRLF
def count(path):
    f = open(path)
    n = sum(1 for _ in f)
    print(n)
    return n
