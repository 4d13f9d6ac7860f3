import sqlite3

# The star import below runs after this line: contextlib comes in at the top under a fresh alias.
ROWS = sqlite3.connect(":memory:").execute("select 1").fetchall()

from helpers import *  # may define its own `closing` or `contextlib`
