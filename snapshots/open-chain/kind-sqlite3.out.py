# sqlite3: its own `with` commits and stays open, so the item is contextlib.closing(...) (imported once)
"""Queries."""
import contextlib
import sqlite3


def count(db):
    with contextlib.closing(sqlite3.connect(db)) as conn:
        return conn.execute("select count(*) from t").fetchone()[0]


def touch(db):
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("insert into t values (1)")
    with contextlib.closing(sqlite3.connect(db)) as conn2:
        conn2.commit()


def cursor(db):
    # the cursor outlives the statement: reported, not fixed
    cur = sqlite3.connect(db).execute("select * from t")
    return cur
