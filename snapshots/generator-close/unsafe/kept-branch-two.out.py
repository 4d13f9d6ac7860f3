# Two generators kept to the function's end, one through a branch: the first gets its `try`; the second, then inside it, would be closed first where CPython dropped the first first: unsafe (unsafe/kept-branch-two).
def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows finally", n)


def merge(c):
    left = rows(3)
    try:
        gen = None
        right = (gen := rows(4)) if c else []
        try:
            return next(left), next(right)
        finally:
            if gen is not None:
                gen.close()
    finally:
        left.close()


def merge_back(c):
    gen = None
    left = c and (gen := rows(3))
    try:
        right = rows(4)
        try:
            return next(left), next(right)
        finally:
            right.close()
    finally:
        if gen is not None:
            gen.close()
