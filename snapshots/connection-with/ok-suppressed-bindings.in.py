# A binding in `with contextlib.suppress(…)` may not run: in a loop a later turn reads the turn before's cursor; a
# cursor bound again in such a block may still be this block's when read after it.
import contextlib
import sqlite3


def report(paths):
    for p in paths:
        with sqlite3.connect(p) as cx:  # expect: WFY107
            with contextlib.suppress(sqlite3.OperationalError):
                cur = cx.execute("select v from t")
            print(p, cur.fetchone())


def latest(a, b):
    with sqlite3.connect(a) as cx:  # expect: WFY107
        cur = cx.execute("select v from t")
    with contextlib.suppress(sqlite3.OperationalError):
        cur = sqlite3.connect(b).execute("select v from t")
    return cur.fetchall()


def report_quietly(paths):
    quiet = contextlib.suppress(sqlite3.OperationalError)
    for p in paths:
        with sqlite3.connect(p) as cx:  # expect: WFY107
            with quiet:
                cur = cx.execute("select v from t")
            print(p, cur.fetchone())
