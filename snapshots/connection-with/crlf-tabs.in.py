# CRLF line endings and tab indentation stay as they are.
import sqlite3


def save(path, row):
	with sqlite3.connect(path) as cx:
		cx.execute("insert into t values (?)", (row,))
