# Through import aliases, with `closing` already imported from contextlib, and `sqlite3.Connection` itself.
import sqlite3 as sq
from contextlib import closing
from sqlite3 import connect as open_db


def a(path):
    with closing(sq.connect(path)) as conn, conn as cx:
        cx.execute("select 1")


def b(path):
    with closing(open_db(path)) as conn, conn as db:
        db.execute("select 1")


def c(path):
    with closing(sq.Connection(path)) as conn, conn as cx:
        cx.execute("select 1")
    with closing(sq.connect(path)) as done:
        done.execute("select 1")


def d(path):
    from sqlite3 import dbapi2
    with closing(dbapi2.connect(path)) as conn, conn as cx:
        cx.execute("select 1")
