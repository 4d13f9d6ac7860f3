# A cursor made in the `with` header and read only for its rows or given settings in the block (`list(cur)`,
# `next(cur)`, a comprehension, `print(cur)`, `cur.row_factory = …`): nothing keeps it past the block, so the
# connection is closed there.
import contextlib
import sqlite3


def rows(p):
    with sqlite3.connect(p) as cx, contextlib.closing(cx.cursor()) as cur:
        cur.row_factory = sqlite3.Row
        cur.execute("select 1 as n")
        first = next(cur)
        rest = list(cur)
        print(cur)
        names = [r[0] for r in cur]
    return first, rest, names
