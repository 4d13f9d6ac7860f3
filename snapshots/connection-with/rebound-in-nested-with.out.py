# A later `with … as cx:` nested in another block binds `cx` again: reads inside it are the later connection's.
import contextlib
import sqlite3


def check(case, path):
    with contextlib.closing(sqlite3.connect(path)) as conn, conn as cx:
        cx.execute("select 1")
    with case.assertRaises(sqlite3.OperationalError):
        with contextlib.closing(sqlite3.connect(path)) as db, db as cx:
            cx.execute("select * from missing")
