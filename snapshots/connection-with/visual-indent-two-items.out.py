# A second item after the connection, its arguments aligned under its own bracket: they follow it when the
# connection's item grows in front of it.
import contextlib
import sqlite3


def save(path, log, row):
    with contextlib.closing(sqlite3.connect(path,
                                            timeout=5)) as conn, conn as cx, open(log,
                                                                                  "a") as out:
        cx.execute("insert into t values (?)", (row,))
        out.write("saved\n")
