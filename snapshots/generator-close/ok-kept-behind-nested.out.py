# `b` is kept to the function's end behind `a`, kept in an `if` (no fix): CPython drops `a` first at the return
# (a frame's variables go in their order), a `try` around the rest would close `b` first. Reported; with
# `--unsafe-fixes` it is fixed (unsafe/kept-behind-nested).
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
    return next(b)
