# An existing `from contextlib import closing` is reused; `sqlite3` imported under an alias is still known
from contextlib import closing
import sqlite3 as lite

rows = lite.connect("app.db").execute("select 1").fetchall()
