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
    gen = rows(5)
    gen2 = rows(6)
    both = zip(gen, gen2)
    try:
        try:
            first = next(both)
            return first
        finally:
            gen.close()
    finally:
        gen2.close()


def mapped():
    gen = rows(2)
    gen2 = rows(3)
    sums = map(lambda a, b: a + b, gen, gen2)
    try:
        try:
            for s in sums:
                if s:
                    break
            return s
        finally:
            gen.close()
    finally:
        gen2.close()
