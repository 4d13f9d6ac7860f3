# An existing `from contextlib import closing` is reused; `sqlite3` imported under an alias is still known
from contextlib import closing
import sqlite3 as lite

with closing(lite.connect("app.db")) as _conn:
    rows = _conn.execute("select 1").fetchall()
