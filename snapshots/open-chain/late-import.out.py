from contextlib import closing
import sqlite3

# `contextlib` is imported below, after this statement has run: it cannot be reused here.
with closing(sqlite3.connect(":memory:")) as _conn:
    row = _conn.execute("select 1").fetchone()
print(row)

import contextlib


def later():
    # Defined after the import: reused.
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        return conn.execute("select 2").fetchone()
