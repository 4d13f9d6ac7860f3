# Two connections in one `with`, and one after another item: each gets its closing item in place.
import contextlib
import sqlite3


def copy(src_path, dst_path):
    with contextlib.closing(sqlite3.connect(src_path)) as conn, conn as src, contextlib.closing(sqlite3.connect(dst_path)) as db, db as dst:
        dst.executemany("insert into t values (?)", src.execute("select n from t").fetchall())


def log(path, lock):
    with lock, contextlib.closing(sqlite3.connect(path)) as conn, conn as cx:
        cx.execute("insert into log values (1)")
