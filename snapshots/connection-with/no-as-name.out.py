# `with sqlite3.connect(p):` binds nothing: the closing item gets a fresh name.
import contextlib
import sqlite3


def touch(path):
    conn = path.upper()
    with contextlib.closing(sqlite3.connect(path)) as db, db:
        print("opened", conn)
