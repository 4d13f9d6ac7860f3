# Handed to a function of another module, which may keep it: offered with --unsafe-fixes only.
import sqlite3

import schema


def setup(path):
    with sqlite3.connect(path) as cx:
        schema.create_tables(cx)
