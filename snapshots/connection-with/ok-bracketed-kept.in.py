# One item in brackets (Python 3.9 on) whose connection is kept past the block: refused as the same code without
# the brackets is (review rw4: the name bound in brackets was taken for a global, and every use of it missed).
import sqlite3

KEEP = []


class Store:
    def open(self, path):
        with (sqlite3.connect(path) as cx):  # expect: WFY107
            self.db = cx


def again(path):
    with (sqlite3.connect(path) as cx):  # expect: WFY107
        cx.execute("select 1")
    cx.execute("select 2")


def kept(path):
    with (sqlite3.connect(path) as cx):  # expect: WFY107
        KEEP.append(cx)


def later(path):
    with (sqlite3.connect(path) as cx):  # expect: WFY107
        return lambda: cx.execute("select 1")


def cursor(path):
    with (  # expect: WFY107
        sqlite3.connect(path) as cx
    ):
        cur = cx.cursor()
    return cur


def method(path):
    with ((sqlite3.connect(path)) as cx):  # expect: WFY107
        q = cx.execute
    return q
