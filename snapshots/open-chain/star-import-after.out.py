import contextlib as contextlib_
import sqlite3

# The star import below runs after this line: contextlib comes in at the top under a fresh alias.
with contextlib_.closing(sqlite3.connect(":memory:")) as conn:
    ROWS = conn.execute("select 1").fetchall()

from helpers import *  # may define its own `closing` or `contextlib`
