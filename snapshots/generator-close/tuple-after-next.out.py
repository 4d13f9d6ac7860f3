# A tuple or list display whose later items run no code runs none itself: CPython closed the generator when `next`
# returned, the fix closes it once the display is built, and nothing runs in between (review rw2). A later item
# that calls something still runs after the close CPython made: refused.
def rows(n):
    try:
        yield from range(n)
    finally:
        print("closed")


def first_and_tag(n):
    gen = rows(n)
    try:
        return next(gen), "tail"
    finally:
        gen.close()


def first_in_list(n):
    gen = rows(n)
    try:
        pair = [next(gen), n]
    finally:
        gen.close()
    return pair


def first_and_call(n):
    return next(rows(n)), side()


def side():
    print("side")
