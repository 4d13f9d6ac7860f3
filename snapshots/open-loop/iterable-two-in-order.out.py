# Two resources in one `for` iterable with code between them: only the first moves into the `with`; `sorted(...)` reads it before the second is opened
def merged(a, b):
    out = []
    with open(a, encoding="utf-8") as f:
        for line in sorted(f) + sorted(open(b)):
            out.append(line)
    with open(a) as fh, open(b) as fp:
        for left, right in zip(fh, fp):
            out.append(left + right)
    return out
