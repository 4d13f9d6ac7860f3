import threading

lock = threading.Lock()


def rows():
    with lock:
        yield 1
        yield 2


def via_iter():
    # `iter` of a generator is the generator itself: `it.close()` closes it.
    it = iter(rows())
    return next(it)
