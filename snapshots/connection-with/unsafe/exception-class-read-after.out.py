# `cx.OperationalError` kept in a name and read after the block: the exception class, a value that holds no
# connection, but what withify does not follow through a name read later: the fix is offered only with --unsafe-fixes.
import contextlib
import sqlite3


def run(p):
    with contextlib.closing(sqlite3.connect(p)) as conn, conn as cx:
        err = cx.OperationalError
        cx.execute("select 1")
    return err
