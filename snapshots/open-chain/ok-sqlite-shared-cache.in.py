# A sqlite3 connection given `uri=` may name a shared-cache in-memory database, which ends with its last
# connection, and CPython 3.11+ and PyPy keep the dropped connection until a collection: the `with` around the
# statement is offered only with --unsafe-fixes (unsafe/sqlite-shared-cache).
import sqlite3

sqlite3.connect("file:inventory?mode=memory&cache=shared", uri=True).execute("create table items (name text)")
