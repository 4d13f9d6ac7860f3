# A row factory set by a helper of the file, a class of the file named `Row`, a tuple assignment: the rows may keep
# the cursor; `sqlite3.Row` itself does not (the last function's fix is safe).
import contextlib
import sqlite3


class Row:
    def __init__(self, cursor, row):
        self.cursor = cursor


def setup(c):
    c.row_factory = Row


def fetch(path):
    with contextlib.closing(sqlite3.connect(path)) as conn, conn as cx:
        setup(cx)
        return cx.execute("select 1").fetchall()
