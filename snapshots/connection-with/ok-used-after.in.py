# The connection, or a cursor of it, read after the block: closing it there would break that read.
import sqlite3


def rows(path):
    with sqlite3.connect(path) as cx:  # expect: WFY107
        cur = cx.execute("select n from t")
    return cur.fetchall()


def again(path):
    with sqlite3.connect(path) as cx:  # expect: WFY107
        cx.execute("insert into t values (1)")
    cx.execute("insert into t values (2)")
    cx.commit()
