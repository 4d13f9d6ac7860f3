# `sqlite3.Connection(p)`, the class `connect` calls, is the same connection: closed by `contextlib.closing`
import contextlib
import sqlite3


def counts(p):
    with contextlib.closing(sqlite3.connect(p)) as cx1, contextlib.closing(sqlite3.Connection(":memory:")) as cx2:
        n = cx1.execute("select count(*) from t").fetchone()[0]
        m = cx2.execute("select 1").fetchone()[0]
    return n, m
