import sqlite3

# `contextlib` is imported below, after this statement has run: it cannot be reused here.
row = sqlite3.connect(":memory:").execute("select 1").fetchone()
print(row)

import contextlib


def later():
    # Defined after the import: reused.
    return sqlite3.connect(":memory:").execute("select 2").fetchone()
