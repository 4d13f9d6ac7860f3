# A lazy wrapper kept in a variable that holds two generators with cleanup (`both = zip(rows(5), rows(6))`): CPython
# closed both as it dropped `both` at the return, `zip` the last one first. The fix of `rows(5)` would close it apart
# in the `finally:`, before `rows(6)`, which the wrapper still held. Fixed with `--unsafe-fixes` only
# (without: ok-kept-wrapper-two). One generator beside other iterables: kept-wrapper.
def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows finally", n)


def first_pair():
    both = zip(rows(5), rows(6))
    first = next(both)
    return first


def mapped():
    sums = map(lambda a, b: a + b, rows(2), rows(3))
    for s in sums:
        if s:
            break
    return s
