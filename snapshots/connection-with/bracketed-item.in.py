# One item in brackets (Python 3.9 on): tree-sitter reads `(sqlite3.connect(p) as cx)` as a bracketed `as`
# pattern. The brackets stay, and hold both items.
import sqlite3


def save(path, rows):
    with (sqlite3.connect(path) as cx):
        cx.executemany("insert into t values (?)", rows)


def count(path):
    with (
        sqlite3.connect(path) as cx  # the catalog
    ):
        return cx.execute("select count(*) from t").fetchone()[0]


def clear(path):
    with ((sqlite3.connect(path)) as cx):
        cx.execute("delete from t")
