# Negative space: chains in a for header or a comprehension's iterable belong to open-loop
def lines(p):
    for line in open(p).readlines():
        print(line)
    return [line for line in open(p).read().splitlines()]
