# Reported, not fixed: a generator kept in a variable of a loop's body, read in part. CPython closed each one
# when the next iteration bound the name again; PyPy leaves them to its GC, and here the second `rows()` waits
# for the lock the first still holds.
import threading

lock = threading.Lock()


def rows(p):
    with lock:
        yield p
        yield p + 1


def firsts(paths):
    out = []
    for p in paths:
        it = rows(p)
        out.append(next(it))
    return out
