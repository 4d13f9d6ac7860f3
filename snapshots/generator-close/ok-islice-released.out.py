# CPython's `islice` lets go of what it reads once it has given its last item: the generator inside it is closed
# there, mid-statement. Where code runs after that point and before the end of the loop or statement (`sorted`'s
# key, what a `chain` reads next and the loop body it feeds), a fix closing the generator at the end would run its
# cleanup after that code. Fixed only with --unsafe-fixes. (`sorted` without `key=` is fixed: comparing the items
# runs code only for a class of the code's own, which is not followed.)
import itertools


def rows(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("cleanup rows")


def key(v):
    print("key", v)
    return -v


def sorted_by_key():
    r = sorted(itertools.islice(rows(5), 2), key=key)
    print("r", r)


def chained_loop():
    for x in itertools.chain(itertools.islice(rows(5), 2), [7, 8, 9]):
        print("body", x)
        if x == 8:
            break


def chained_any():
    return any(v == 8 for v in itertools.chain(itertools.islice(rows(5), 2), [7, 8, 9]))


def sorted_by_options(opts):
    # `key` may come through `**opts`
    return sorted(itertools.islice(rows(5), 2), **opts)


def sorted_in_a_branch(c):
    return sorted(itertools.islice(rows(5) if c else iter([]), 2), key=key)
