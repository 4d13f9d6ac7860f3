# `with sqlite3.connect(p):` binds nothing: the closing item gets a fresh name.
import sqlite3


def touch(path):
    conn = path.upper()
    with sqlite3.connect(path):
        print("opened", conn)
