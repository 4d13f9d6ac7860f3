# A module-level block: another module may import `cx` and use it after the block.
import sqlite3

with sqlite3.connect("settings.db") as cx:
    SETTINGS = dict(cx.execute("select key, value from settings"))
