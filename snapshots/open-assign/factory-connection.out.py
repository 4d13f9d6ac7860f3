# Connections made by functions of the module and never closed: a `with contextlib.closing(...)` around their
# uses, as for `sqlite3.connect(...)`.
import contextlib
import sqlite3

DB = "app.db"


def connect_db(path=DB):
    return sqlite3.connect(path)


def titles():
    with contextlib.closing(connect_db()) as conn:
        return [row[0] for row in conn.execute("select title from posts")]


def count():
    return connect_db().execute("select count(*) from posts").fetchone()[0]
