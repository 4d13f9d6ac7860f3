import contextlib as _contextlib
import sqlite3

# The star import below runs after this line: contextlib comes in at the top under a fresh alias.
with _contextlib.closing(sqlite3.connect(":memory:")) as _conn:
    ROWS = _conn.execute("select 1").fetchall()

from helpers import *  # may define its own `closing` or `contextlib`
