# `b` is kept to the function's end behind `a`, kept in an `if`: with `--unsafe-fixes` its `try` goes around the rest
# of the function, and closes it before `a` (CPython dropped `a` first). Without: reported (ok-kept-behind-nested).
def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows finally", n)


def pick(c):
    if c:
        a = rows(1)
        print(next(a))
    b = rows(2)
    try:
        return next(b)
    finally:
        b.close()
