# `sqlite3.Connection(p)`, the class `connect` calls, is the same connection: closed by `contextlib.closing`
import sqlite3


def counts(p):
    cx1 = sqlite3.connect(p)
    cx2 = sqlite3.Connection(":memory:")
    n = cx1.execute("select count(*) from t").fetchone()[0]
    m = cx2.execute("select 1").fetchone()[0]
    cx1.close()
    cx2.close()
    return n, m
