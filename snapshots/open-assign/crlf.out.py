# CRLF line endings stay CRLF
def count(path):
    with open(path) as f:
        n = sum(1 for _ in f)
    print(n)
    return n
