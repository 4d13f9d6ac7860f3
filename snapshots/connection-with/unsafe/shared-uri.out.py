# `uri=True` may name a shared-cache in-memory database, which ends with its last connection.
import contextlib
import sqlite3


def save(name, row):
    with contextlib.closing(sqlite3.connect("file:%s?mode=memory&cache=shared" % name, uri=True)) as conn, conn as cx:
        cx.execute("insert into t values (?)", (row,))
