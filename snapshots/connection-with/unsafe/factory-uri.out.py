# A function of the module that makes the connection with `uri=`: the close may end a shared-cache in-memory
# database another connection still reads (unsafe, as for `sqlite3.connect(p, uri=True)` itself).
import contextlib
import sqlite3


def get_db():
    return sqlite3.connect("file:mem?mode=memory&cache=shared", uri=True)


def add(n):
    with contextlib.closing(get_db()) as conn, conn as cx:
        cx.execute("insert into t values (?)", (n,))
