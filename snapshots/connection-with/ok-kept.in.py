# The connection returned, stored, captured by a nested function, kept in an attribute, or closed by the code.
import sqlite3


def opened(path):
    with sqlite3.connect(path) as cx:  # expect: WFY107
        cx.execute("select 1")
        return cx


class Store:
    def open(self, path):
        with sqlite3.connect(path) as self.db:  # expect: WFY107
            self.db.execute("select 1")

    def keep(self, path):
        with sqlite3.connect(path) as cx:  # expect: WFY107
            self.cx = cx


def captured(path):
    with sqlite3.connect(path) as cx:  # expect: WFY107
        def count():
            return cx.execute("select count(*) from t").fetchone()[0]
        return count


def closed(path):
    with sqlite3.connect(path) as cx:
        cx.execute("select 1")
    cx.close()


def rebound(path, other):
    with sqlite3.connect(path) as cx:  # expect: WFY107
        cx.execute("select 1")
        cx = other
