# What is read after the block is data: rows fetched, a list of rows, a helper of the file given the connection.

import sqlite3

def path_of(cx):
    return cx.execute("pragma database_list").fetchone()[2]


def rows(paths):
    out = []
    for p in paths:
        with sqlite3.connect(p) as cx:
            print("reading", path_of(cx))
            for row in cx.execute("select v from t"):
                out.append(row)
            first = cx.execute("select v from t").fetchone()
            print(first)
    return out
