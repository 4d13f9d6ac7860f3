import tempfile


def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows finally")


# A generator with cleanup bound earlier in the function, in an `if` (no fix of its own): CPython dropped `a`
# first at the return, then `tmp`; `with tmp:` would remove the directory before `a`'s cleanup runs. Reported;
# the fix waits for --unsafe-fixes (unsafe/behind-nested-generator).
def export(c):
    if c:
        a = rows(1)
        print(next(a))
    tmp = tempfile.TemporaryDirectory()
    return tmp.name
