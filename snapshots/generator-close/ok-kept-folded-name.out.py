# A kept generator handed on under a spelling Python folds to its name (`ｉｔ` is `it`): handed on, not closed.


def rows(n):
    try:
        for i in range(n):
            yield i
    finally:
        print("rows closed")


def head_and_rest():
    it = rows(3)
    first = next(it)
    return first, ｉｔ
