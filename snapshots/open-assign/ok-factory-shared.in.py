# Functions that hand out a connection they keep, cache or share, or that a test patches: the caller does not
# own what they give, so nothing is reported for its use.
import functools
import sqlite3
from unittest import mock

_conn = None
POOL = []


@functools.lru_cache(maxsize=None)
def cached():
    return sqlite3.connect("app.db")


def shared():
    global _conn
    if _conn is None:
        _conn = sqlite3.connect("app.db")
    return _conn


def pooled():
    conn = sqlite3.connect("app.db")
    POOL.append(conn)
    return conn


def fresh():
    return sqlite3.connect("app.db")


def a():
    conn = cached()
    return conn.execute("select 1").fetchone()


def b():
    conn = shared()
    return conn.execute("select 1").fetchone()


def c():
    conn = pooled()
    return conn.execute("select 1").fetchone()


class Test:
    @mock.patch(__name__ + ".fresh")
    def test_fresh(self, fake):
        conn = fresh()
        return conn.execute("select 1").fetchone()
