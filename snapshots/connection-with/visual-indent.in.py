# Arguments aligned under the call's bracket follow it when `contextlib.closing(` goes in front.
import sqlite3


def save(path, row):
    with sqlite3.connect(path,
                         timeout=5) as cx:
        cx.execute("insert into t values (?)", (row,))
