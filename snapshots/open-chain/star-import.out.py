import sqlite3
from helpers import *  # may define its own `closing` or `contextlib`
import contextlib


def count(path):
    # The new import goes after the star import, which would otherwise take the name over.
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute("select count(*) from t").fetchone()
