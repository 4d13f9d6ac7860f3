# Kept past the block: in a module-level list, entered on an ExitStack (its exit commits later), wrapped in
# `closing(…)` by a helper of the file that keeps it.
import contextlib
import sqlite3

_pool = []
_tracked = []


def keep(p):
    with sqlite3.connect(p) as cx:  # expect: WFY107
        _pool.append(cx)


def batch(p, rows):
    with contextlib.ExitStack() as stack:
        with sqlite3.connect(p) as cx:  # expect: WFY107
            stack.enter_context(cx)
            cx.executemany("insert into t values (?)", rows)


def tracked_cursor(cx):
    _tracked.append(cx)
    return cx.cursor()


def count(p):
    with sqlite3.connect(p) as cx:  # expect: WFY107
        with contextlib.closing(tracked_cursor(cx)) as cur:
            return cur.execute("select count(*) from t").fetchone()[0]


def open_into(p, out):
    with sqlite3.connect(p) as cx:  # expect: WFY107
        out.append(cx)


def handed_out(p):
    with sqlite3.connect(p) as cx:  # expect: WFY107
        with contextlib.closing(cx.cursor()) as cur:
            db = cur.connection
    return db.total_changes
