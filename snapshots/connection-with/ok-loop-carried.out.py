# In a loop, a name bound from the connection read before the block binds it: the turn before's connection.
import sqlite3


def changes(paths):
    prev = None
    for p in paths:
        with sqlite3.connect(p) as cx:  # expect: WFY107
            if prev is not None:
                print("prev changes:", prev.total_changes)
            cx.execute("create table t (x)")
            prev = cx


def last_rows(paths):
    last = None
    for p in paths:
        with sqlite3.connect(p) as cx:  # expect: WFY107
            if last is not None:
                print(last.fetchall())
            last = cx.execute("select 1")
