# a generator expression over a resource consumed at once by an eager call is fixed like a comprehension
def stats(p):
    with open(p) as f:
        count = sum(1 for _ in f)
    with open(p) as fh:
        longest = max(len(line) for line in fh)
    with open(p) as fp:
        text = "".join(line.upper() for line in fp)
    with open(p) as f2:
        has_tabs = any("\t" in line for line in f2)
    return count, longest, text, has_tabs
