# CRLF line endings and tab indentation stay as they are.
import contextlib
import sqlite3


def save(path, row):
	with contextlib.closing(sqlite3.connect(path)) as conn, conn as cx:
		cx.execute("insert into t values (?)", (row,))
