# The function keeps an exception past its handler: its traceback holds the frame, and `it` in it, so CPython
# closed the generator only when that exception went. The fix closes it at the end of the function: unsafe.
ERRS = []


def rows():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


def f():
    it = rows()
    print("first", next(it))
    try:
        int("x")
    except ValueError as e:
        ERRS.append(e)
    return 1


LAST = None


def g():
    # `e or None` is `e` itself: kept
    global LAST
    it = rows()
    print("first", next(it))
    try:
        int("x")
    except ValueError as e:
        LAST = e or None
    return 1


def keep(e):
    ERRS.append(e)
    return RuntimeError("kept")


def h():
    # `keep(e)` may store it before the raise
    it = rows()
    print("first", next(it))
    try:
        int("x")
    except ValueError as e:
        raise keep(e)
