# A handler of a `try` that also has a `finally` is three blocks deep to CPython 3.9 and later (two before
# 3.9, one for the `finally`): with the 17 of the `with`, the read is 20 blocks deep, and one more block does
# not compile before 3.13 ("too many statically nested blocks"). Reported without a fix.
def load(p, n):
    with n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, n:
        try:
            pass
        except OSError:
            x = open(p).read()
        finally:
            pass
    return x
