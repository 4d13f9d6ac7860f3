# Not fixed: a kept wrapper that is returned or handed on, one read to its end by a loop that cannot leave early
# through a wrapper that does not stop (`map`), `groupby` (its groups read the generator), and a wrapper made
# after other code of its statement.
import threading
from itertools import groupby, islice

lock = threading.Lock()


def rows(n):
    with lock:
        yield from range(n)


def escapes(n):
    it = islice(rows(n), 2)
    return it


def handed(n, consume):
    it = map(str, rows(n))
    consume(it)


def to_end(n):
    it = map(str, rows(n))
    for r in it:
        print(r)


def grouped(n):
    it = groupby(rows(n))
    for k, g in it:
        return k


def after_code(n, log):
    it = zip(log("made"), rows(n))
    for r in it:
        print(r)
