# Reported without a fix: a `for` loop whose iterable may not make the resource, or runs other code before it (a `with` header would make it first)
def merged(path, names, wanted):
    for line in list(open(path)) if wanted else []:
        print(line)
    for line in wanted and list(open(path)):
        print(line)
    for line in load_cache() or list(open(path)):
        print(line)
    for line in load_header() + list(open(path)):
        print(line)
    for pair in (load_header(), sorted(open(path))):
        print(pair)
