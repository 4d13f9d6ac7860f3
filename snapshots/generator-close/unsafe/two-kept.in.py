def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows finally", n)


# Both are kept to the function's end: `left` gets its `try`; `right`, now inside it, is reported (closing it in
# a `try` of its own would run its cleanup before `left`'s, where CPython ran `left`'s first). With
# `--unsafe-fixes` it is fixed too (unsafe/two-kept).
def merge():
    left = rows(3)
    right = rows(4)
    return next(left), next(right)
