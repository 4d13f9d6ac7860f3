# One block per turn of a loop: each connection closed at the end of its turn (PyPy ran out of descriptors).
import contextlib
import sqlite3


def save_all(paths, row):
    for path in paths:
        with contextlib.closing(sqlite3.connect(path)) as conn, conn as cx:
            cx.execute("insert into t values (?)", (row,))
