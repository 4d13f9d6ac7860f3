# A call whose arguments hang under its bracket (aligned with the statement), one of them aligned under a bracket of
# its own: they stay where they are when `contextlib.closing(` goes in front.
import contextlib
import os
import sqlite3


def save(base, name):
    with contextlib.closing(sqlite3.connect(
            os.path.join(base,
                         name))) as conn, conn as cx:
        cx.execute("select 1")
