# A function of the module that makes a new connection on every call: `with get_db() as cx:` is
# `with sqlite3.connect(DB) as cx:` and leaves it open as that does.
import sqlite3

DB = "app.db"


def get_db():
    return sqlite3.connect(DB)


def get_conn(path=DB):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    conn.execute("pragma foreign_keys = on")
    return conn


def memory_or_file(path):
    if path is None:
        return sqlite3.connect(":memory:")
    return (sqlite3.connect(path))


def add(name):
    with get_db() as cx:
        cx.execute("insert into t values (?)", (name,))


def names():
    with get_conn() as cx:
        return [r["name"] for r in cx.execute("select name from t")]


def count(path):
    with memory_or_file(path) as cx:
        n = cx.execute("select count(*) from t").fetchone()[0]
    return n
