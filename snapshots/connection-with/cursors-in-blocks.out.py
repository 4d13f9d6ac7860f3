# Cursors made and used in the block: closed in the block (`closing(cx.cursor())`), a name used for the cursors of
# two blocks, bound in both branches of an `if` or in a `with lock:` in a loop: the fixes are safe.
import contextlib
import sqlite3
import threading

lock = threading.Lock()


def count(path):
    with contextlib.closing(sqlite3.connect(path)) as conn, conn as cx:
        with contextlib.closing(cx.cursor()) as cur:
            cur.execute("select count(*) from t")
            return cur.fetchone()[0]


def two(a, b):
    with contextlib.closing(sqlite3.connect(a)) as conn, conn as cx:
        cur = cx.execute("select 1")
        print(cur.fetchone())
    with sqlite3.connect(b) as other:
        cur = other.execute("select 2")
    return cur.fetchall()


def each(paths, fast):
    for p in paths:
        with contextlib.closing(sqlite3.connect(p)) as conn, conn as cx:
            if fast:
                cur = cx.execute("select 1")
            else:
                cur = cx.execute("select 2")
            print(cur.fetchone())
            with lock:
                last = cx.execute("select 3")
            print(last.fetchone())


def quietly(paths):
    import warnings

    for p in paths:
        with contextlib.closing(sqlite3.connect(p)) as conn, conn as cx:
            with warnings.catch_warnings():
                cur = cx.execute("select 1")
            print(cur.fetchone())
