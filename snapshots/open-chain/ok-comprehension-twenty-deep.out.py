# Python 3.12 compiles a list comprehension inline, in one more exception handler that its block limit does
# not count: 20 `with` items around the statement, and the comprehension, crash 3.12.0-3.12.3's compiler (a
# segmentation fault, not a SyntaxError). So the comprehension counts as a block: 19 items and it leave no
# room for a `with` around the read. Reported without a fix.
def load(p, n, names):
    with n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n:
        x = (open(p).read(), [k.strip() for k in names])
    return x
