# With --unsafe-fixes: the fixes ok-tee-order rates unsafe, applied (the tee of `islice` read on after its loop,
# a generator kept after a tee or a wrapper bound in an `if`), and a tee kept after a kept generator, whose `try`
# (the second pass) sits in the first one's and closes the tee's generator first; the tee and the wrapper in the
# `if` stay reported.
import threading
from itertools import islice, tee

lock = threading.Lock()


def rows(n):
    with lock:
        yield from range(n)


def cut(n):
    gen = rows(n)
    a, b = tee(islice(gen, 5))
    try:
        for r in a:
            print(r)
        return next(b)
    finally:
        gen.close()


def behind_kept(n):
    first = rows(n)
    try:
        head = next(first)
        gen = rows(n)
        a, b = tee(gen)
        try:
            return head, next(a)
        finally:
            gen.close()
    finally:
        first.close()


def behind_branch(n, c):
    if c:
        a, b = tee(rows(n))
        print(next(a))
    it = rows(n)
    try:
        return next(it)
    finally:
        it.close()


def behind_wrapper(n, c):
    if c:
        it = islice(rows(n), 2)
        print(next(it))
    last = rows(n)
    try:
        return next(last)
    finally:
        last.close()
