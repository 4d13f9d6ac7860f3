# 300 blocks of `with sqlite3.connect(p) as cx:` under a limit of 128 descriptors. CPython 3.10 closed each
# connection at the function's return, 3.11+ at the next cycle collection (soon enough here); PyPy only at a
# later garbage collection: "unable to open database file". After the fix each block closes its connection.
import contextlib
import resource
import sqlite3

resource.setrlimit(resource.RLIMIT_NOFILE, (128, 128))


def save(n):
    with contextlib.closing(sqlite3.connect("saved.db")) as conn, conn as cx:
        cx.execute("create table if not exists t (n)")
        cx.execute("insert into t values (?)", (n,))


def total():
    with contextlib.closing(sqlite3.connect("saved.db")) as conn, conn as cx:
        return cx.execute("select count(*) from t").fetchone()[0]


for n in range(300):
    save(n)
print(total())
