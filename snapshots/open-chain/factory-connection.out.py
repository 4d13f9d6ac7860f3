# A call of a function of the module that makes a new connection, used once in a chain and dropped: closed
# after the statement, as `sqlite3.connect(...).execute(...)` is.
import contextlib
import sqlite3


def connect_db(path="app.db"):
    conn = sqlite3.connect(path)
    conn.execute("pragma foreign_keys = on")
    return conn


def count():
    with contextlib.closing(connect_db()) as conn:
        return conn.execute("select count(*) from posts").fetchone()[0]
