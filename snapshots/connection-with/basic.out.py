# `with sqlite3.connect(p) as cx:` commits at the block's end and leaves the connection open: close it after the commit.
import contextlib
import sqlite3


def save(path, rows):
    with contextlib.closing(sqlite3.connect(path)) as conn, conn as cx:
        cx.execute("create table if not exists t (n)")
        cx.executemany("insert into t values (?)", rows)


def count(path):
    with contextlib.closing(sqlite3.connect(path)) as conn, conn as cx:
        cur = cx.execute("select count(*) from t")
        total = cur.fetchone()[0]
    return total
