# Reported without a fix: a generator abandoned in an `if` or `try` of a class body (the new name would be a class attribute)
def rows():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


class Table:
    if True:
        for row in rows():
            break
    try:
        first = any(r > 0 for r in rows())
    except ValueError:
        first = None
