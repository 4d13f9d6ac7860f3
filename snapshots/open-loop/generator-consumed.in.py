# a generator expression over a resource consumed at once by an eager call is fixed like a comprehension
def stats(p):
    count = sum(1 for _ in open(p))
    longest = max(len(line) for line in open(p))
    text = "".join(line.upper() for line in open(p))
    has_tabs = any("\t" in line for line in open(p))
    return count, longest, text, has_tabs
