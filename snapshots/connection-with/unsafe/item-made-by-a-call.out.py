# Another item of the `with` made of the connection by a call withify cannot read: it may keep the connection, so the
# fix is offered with --unsafe-fixes only.
import contextlib
import sqlite3

import sessions


def run(path):
    with contextlib.closing(sqlite3.connect(path)) as conn, conn as cx, sessions.Session(cx) as s:
        s.run()
