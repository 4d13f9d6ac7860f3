# A sqlite3 connection dropped in the middle of a write transaction keeps its lock until the GC runs on PyPy,
# and on CPython from 3.11 on (a reference cycle through its statement cache), so the next connection cannot
# write ("database is locked"); CPython 3.10 and older closed it, rolling back, when the function returned.
# test/pypy/open-assign.test.ts runs it under each.
import sqlite3


def count_after_insert(n):
    cx = sqlite3.connect("sqlite-lock.db", timeout=0)
    cx.execute("insert into t values (?)", (n,))
    total = cx.execute("select count(*) from t").fetchone()[0]
    return total


with sqlite3.connect("sqlite-lock.db") as setup:
    setup.execute("create table t (n)")
print([count_after_insert(n) for n in range(3)])
