# A generator kept in a variable bound in a block of the function (`if`, `with`, `try`, a loop's `else:`), read only
# in part: CPython closed it at the return, PyPy when its GC runs. A `try` from inside the block cannot hold the
# rest of the function: reported with the way to close it, not fixed. Bound in a loop: ok-kept-in-loop.
def rows(n):
    try:
        yield from range(n)
    finally:
        print("rows finally", n)


def first_if(c):
    if c:
        it = rows(3)
        print(next(it))
    print("end")


def first_with(p):
    with open(p) as fh:
        it = rows(3)
        print(next(it))
        data = fh.read()
    return data


def first_try():
    try:
        it = rows(3)
    except ValueError:
        return None
    return next(it)


def loop_after(c):
    if c:
        it = rows(3)
    else:
        it = rows(4)
    return next(it)


def read_to_end(c):
    if c:
        it = rows(3)
        for r in it:
            print(r)


def first_for_else(xs):
    for x in xs:
        if x:
            break
    else:
        it = rows(3)
        print(next(it))
    print("end")
