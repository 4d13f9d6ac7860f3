# A tuple or list display whose later items are literals runs no code: CPython closed the generator when `next`
# returned, the fix closes it once the display is built, and nothing runs in between (review rw2). A later item that
# calls something, or a name (the generator's cleanup may bind it: `global LAST` below, review rw7), is refused.
LAST = None


def rows(n):
    global LAST
    try:
        yield from range(n)
    finally:
        LAST = n
        print("closed")


def first_and_tag(n):
    return next(rows(n)), "tail"


def first_in_list(n):
    pair = [next(rows(n)), "tag", -1]
    return pair


def first_and_call(n):
    return next(rows(n)), side()


def first_and_last(n):
    return next(rows(n)), LAST


def side():
    print("side")
