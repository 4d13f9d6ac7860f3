import threading

lock = threading.Lock()


def rows(p=0):
    with lock:
        yield p
        yield p + 1


def conditional_rest(flag):
    # Fixed: when `flag` is false the loop does not run, and `rows()` stays suspended inside `with lock`.
    it = rows()
    first = next(it)
    if flag:
        for r in it:
            print(r)
    return first


def unconditional_rest():
    # Not flagged: the loop reads it to its end on every path.
    it = rows()
    first = next(it)
    for r in it:
        print(r)
    return first


def not_started(flag):
    # Not flagged: a generator never started holds nothing.
    it = rows()
    if flag:
        for r in it:
            print(r)
