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
    gen = iter(Table())
    try:
        for r in gen:
            return r
    finally:
        gen.close()


def numbered():
    gen = iter(Table())
    try:
        for i, r in enumerate(gen):
            if i:
                break
    finally:
        gen.close()


def not_iterated():
    # Not flagged: `next()` calls `__next__`, and `in` may call `__contains__`: no generator is made here.
    return next(Table()), 1 in Table()
