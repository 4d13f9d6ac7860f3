# A sqlite3 connection given `uri=` may name a shared-cache in-memory database, which ends with its last
# connection, and CPython 3.11+ and PyPy keep the dropped connection until a collection: the `with` around the
# statement is offered only with --unsafe-fixes (unsafe/sqlite-shared-cache).
import contextlib
import sqlite3

with contextlib.closing(sqlite3.connect("file:inventory?mode=memory&cache=shared", uri=True)) as _conn:
    _conn.execute("create table items (name text)")
