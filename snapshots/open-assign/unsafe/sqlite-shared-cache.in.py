# A sqlite3 connection given `uri=` may name a shared-cache in-memory database, which ends with its last
# connection. CPython 3.11+ and PyPy keep the dropped connection, and the database, until a collection, and
# `tables()` reads it there: the `with` closing `create()`'s connection is offered only with --unsafe-fixes
# (unsafe/sqlite-shared-cache).
import sqlite3

SHARED = "file:inventory?mode=memory&cache=shared"


def create():
    cx = sqlite3.connect(SHARED, uri=True)
    cx.execute("create table items (name text)")
    cx.commit()


def tables():
    other = sqlite3.connect(SHARED, uri=True)
    rows = other.execute("select name from sqlite_master").fetchall()
    other.close()
    return rows
