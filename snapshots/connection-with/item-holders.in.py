# Another item of the same `with` made of the connection, its name read after the block (refused; not when it is
# read only in the block); a read of the old connection in an item ahead of the one that binds the name again.
import contextlib
import sqlite3

import sessions


def open_session(path):
    with sqlite3.connect(path) as cx, contextlib.closing(cx.cursor()) as cur:
        cur.execute("select 1")
    return cur.fetchall()


def migrate(src, dst):
    with sqlite3.connect(src) as cx:
        cx.execute("create table if not exists t (v)")
    with contextlib.closing(cx.cursor()) as old, sqlite3.connect(dst) as cx:
        cx.executemany("insert into t values (?)", old.execute("select v from t"))


def count(path):
    with sqlite3.connect(path) as cx, contextlib.closing(cx.cursor()) as cur:
        cur.execute("select count(*) from t")
        return cur.fetchone()[0]
