# A generator made in a branch (`… if … else …`, `and`, `or`) where `:=` cannot bind it, or its use is reported anyway: reported, or not this pattern.
def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows cleanup", n)


class Table:
    def __iter__(self):
        try:
            yield 1
        finally:
            print("table cleanup")


def reported(n, fallback):
    # `:=` cannot bind in a comprehension's iterable (a SyntaxError)
    found = any(x > 1 for x in (rows(n) if n else fallback))
    # the generator is what iterating `Table()` makes, after the choice
    for x in (Table() if n else fallback):
        break
    # CPython closed it when `next` returned, before `print`
    print(next(rows(n) if n else iter(fallback)))
    # `zip` abandons it before the `else:`
    for a, b in zip(fallback, rows(n) if n else fallback):
        break
    else:
        print("none")
    pick = lambda: next(rows(n) if n else iter(fallback))
    return found, pick


def not_this_pattern(n, fallback):
    # a generator is always true: `and` gives its right, and the generator is dropped before it starts
    for x in rows(n) and fallback:
        break
    for x in n and not rows(n):
        break
    # the condition is no use of it
    for x in (fallback if rows(n) else [1]):
        break
