import threading

lock = threading.Lock()


class Table:
    def __iter__(self):
        with lock:
            yield 1
            yield 2

    def __next__(self):
        return 0


def first():
    # Fixed: iterating the object makes the generator; the fix closes `iter(Table())`.
    for r in Table():
        return r


def numbered():
    for i, r in enumerate(Table()):
        if i:
            break


def not_iterated():
    # Not flagged: `next()` calls `__next__`, and `in` may call `__contains__`: no generator is made here.
    return next(Table()), 1 in Table()
