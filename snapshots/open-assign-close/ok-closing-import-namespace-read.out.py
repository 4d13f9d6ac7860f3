# sqlite3's connection needs `contextlib.closing` in a `with` (its own `__exit__` only commits), and the module lists
# its names (`sorted(globals())`): the `import contextlib` the fix needs would show there. Reported, not fixed.
import sqlite3


def count(db):
    conn = sqlite3.connect(db)
    n = conn.execute("select 1").fetchone()[0]
    conn.close()
    return n


print(count(":memory:"), sorted(n for n in globals() if not n.startswith("_")))
