# Arguments aligned under the call's bracket follow it when `contextlib.closing(` goes in front.
import contextlib
import sqlite3


def save(path, row):
    with contextlib.closing(sqlite3.connect(path,
                                            timeout=5)) as conn, conn as cx:
        cx.execute("insert into t values (?)", (row,))
