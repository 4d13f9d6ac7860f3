import sqlite3
from helpers import *  # may define its own `closing` or `contextlib`


def count(path):
    # The new import goes after the star import, which would otherwise take the name over.
    return sqlite3.connect(path).execute("select count(*) from t").fetchone()
