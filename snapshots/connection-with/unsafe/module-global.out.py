# A module-level block: another module may import `cx` and use it after the block.
import contextlib
import sqlite3

with contextlib.closing(sqlite3.connect("settings.db")) as _conn, _conn as cx:
    SETTINGS = dict(cx.execute("select key, value from settings"))
