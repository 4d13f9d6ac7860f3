# `sqlite3.Row` (through an alias) keeps no cursor: the fix stays safe; a comment saying `row_factory = Record` is no code.
import sqlite3 as sq


def fetch(path):
    with sq.connect(path) as cx:
        # cx.row_factory = Record
        cx.row_factory = sq.Row
        return [dict(r) for r in cx.execute("select 1 as one")]
