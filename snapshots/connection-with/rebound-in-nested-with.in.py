# A later `with … as cx:` nested in another block binds `cx` again: reads inside it are the later connection's.
import sqlite3


def check(case, path):
    with sqlite3.connect(path) as cx:
        cx.execute("select 1")
    with case.assertRaises(sqlite3.OperationalError):
        with sqlite3.connect(path) as cx:
            cx.execute("select * from missing")
