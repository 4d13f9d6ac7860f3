# Two resources in one `for` iterable with code between them: only the first moves into the `with`; `sorted(...)` reads it before the second is opened
def merged(a, b):
    out = []
    for line in sorted(open(a, encoding="utf-8")) + sorted(open(b)):
        out.append(line)
    for left, right in zip(open(a), open(b)):
        out.append(left + right)
    return out
