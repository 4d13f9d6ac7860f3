# sqlite3: its own `with` commits and stays open, so the item is contextlib.closing(...) (imported once)
"""Queries."""
import sqlite3


def count(db):
    return sqlite3.connect(db).execute("select count(*) from t").fetchone()[0]


def touch(db):
    sqlite3.connect(db).execute("insert into t values (1)")
    sqlite3.connect(db).commit()


def cursor(db):
    # the cursor outlives the statement: reported, not fixed
    cur = sqlite3.connect(db).execute("select * from t")
    return cur
