# `it = islice(rows(n), 2)` read to its end by a loop in a branch of an `if` after which nothing runs (or only a
# `return` of a name or a literal): CPython closed `rows(n)` as the loop ended, and nothing of the program runs
# between there and the end of the function, where the fix closes it. Fixed (safe). Code after: ok-kept-wrapper-islice-blocks.
from itertools import islice


def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows finally", n)


def in_if(n):
    gen = rows(n)
    it = islice(gen, 2)
    try:
        if n > 1:
            print("first")
        elif n:
            for r in it:
                print(r)
            return r
        else:
            print("none")
        print("after")
    finally:
        gen.close()


def in_else(n):
    total = 0
    gen = rows(n)
    it = islice(gen, 2)
    try:
        if not n:
            print("none")
        else:
            for r in it:
                total += r
        return total
    finally:
        gen.close()
