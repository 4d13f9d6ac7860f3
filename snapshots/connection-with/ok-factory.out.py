# Functions that may not make a new connection on every call, or may keep it, or give back something else:
# their `with` is left alone (not found). One that does, whose connection the code keeps, is refused.
import functools
import sqlite3

DB = "app.db"
_shared = None


@functools.lru_cache(maxsize=None)
def cached():
    return sqlite3.connect(DB)


def shared():
    global _shared
    if _shared is None:
        _shared = sqlite3.connect(DB)
    return _shared


def maybe(path):
    if not path:
        return None
    return sqlite3.connect(path)


def falls_off(path):
    if path:
        return sqlite3.connect(path)


def registered(path):
    conn = sqlite3.connect(path)
    POOL.append(conn)
    return conn


def handed(path):
    conn = sqlite3.connect(path)
    init_schema(conn)
    return conn


def closer(path):
    conn = sqlite3.connect(path)
    conn.set_progress_handler(lambda: conn.interrupt(), 100)
    return conn


def other():
    return make_connection(DB)


def fresh():
    return sqlite3.connect(DB)


POOL = []


def init_schema(conn):
    POOL.append(conn)


def use():
    with cached() as cx:
        cx.execute("select 1")
    with shared() as cx:
        cx.execute("select 1")
    with maybe(DB) as cx:
        cx.execute("select 1")
    with falls_off(DB) as cx:
        cx.execute("select 1")
    with registered(DB) as cx:
        cx.execute("select 1")
    with handed(DB) as cx:
        cx.execute("select 1")
    with closer(DB) as cx:
        cx.execute("select 1")
    with other() as cx:
        cx.execute("select 1")


def kept():
    with fresh() as cx:  # expect: WFY107
        cx.execute("select 1")
    return cx


def rebound():
    def fresh():
        return object()
    with fresh() as cx:
        print(cx)
