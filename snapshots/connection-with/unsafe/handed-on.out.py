# Handed to a function of another module, which may keep it: offered with --unsafe-fixes only.
import contextlib
import sqlite3

import schema


def setup(path):
    with contextlib.closing(sqlite3.connect(path)) as conn, conn as cx:
        schema.create_tables(cx)
