# `eval()` given no namespace runs its string in the function's frame: one that lists the variables (`dir()`), or a
# string withify cannot read, would show the name the fix adds
def rows():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


def names():
    for r in rows():
        break
    return eval("sorted(dir())")


def computed(expr):
    for r in rows():
        break
    return eval(expr)
