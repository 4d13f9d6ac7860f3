# Proof: cleanup in `except GeneratorExit:` (or `except BaseException:` … `raise`) is what close() runs; PyPy
# runs it only when its GC collects the abandoned generator, so the lock is still held after the loop.
import threading
lock = threading.Lock()

def rows():
    lock.acquire()
    try:
        yield 1
        yield 2
    except GeneratorExit:        # cleanup on abandonment
        lock.release()
        raise
    else:
        lock.release()

def txn_rows(conn):
    try:
        yield from conn
    except BaseException:
        print("rollback")
        raise
    else:
        print("commit")

def first():
    for r in rows():
        return r

def first_txn():
    for r in txn_rows([1, 2]):
        return r

print(first(), lock.locked())  # CPython: 1 False; PyPy before the fix: 1 True
print(first_txn())  # CPython prints "rollback" first; PyPy before the fix does not
assert not lock.locked(), "the lock is still held: the generator's except GeneratorExit has not run"

