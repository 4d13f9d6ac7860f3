# A module-level `dir()` lists the module's names: the `import contextlib` sqlite3's `closing` needs would show in it, so no fix
import sqlite3


def count(db):
    return sqlite3.connect(db).execute("select 1").fetchone()[0]


print(count(":memory:"), [n for n in dir() if not n.startswith("_")])
