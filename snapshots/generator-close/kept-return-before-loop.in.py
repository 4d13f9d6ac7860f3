# A `return` between a partial read and the loop that would finish the generator leaves it suspended.
def rows(tag):
    try:
        yield tag + "1"
        yield tag + "2"
    finally:
        print("cleanup", tag)


def f(k):
    it = rows("f")
    x = next(it)
    if k:
        return x
    for r in it:
        print(r)
    return "full"
