# A row factory other than sqlite3.Row may keep the cursor (and its connection) in the rows it makes.
import contextlib
import sqlite3


class Record:
    def __init__(self, cursor, row):
        self.db = cursor.connection
        self.id = row[0]


def roots(path):
    with contextlib.closing(sqlite3.connect(path)) as conn, conn as cx:
        cx.row_factory = Record
        return cx.execute("select id from t").fetchall()
