# `sqlite3.Row` (through an alias) keeps no cursor: the fix stays safe; a comment saying `row_factory = Record` is no code.
import contextlib
import sqlite3 as sq


def fetch(path):
    with contextlib.closing(sq.connect(path)) as conn, conn as cx:
        # cx.row_factory = Record
        cx.row_factory = sq.Row
        return [dict(r) for r in cx.execute("select 1 as one")]
