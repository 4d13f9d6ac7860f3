# A cursor (or a method of the connection or of a cursor) kept past the block in shapes the first checks missed:
# a parenthesised `as (cur)`, a cursor made in the same `with` header, a cursor whose name is declared global, a
# bound method held in a name. Each is refused: the code uses the connection after the block.
import contextlib
import sqlite3

CUR = None


def parenthesised(p):
    with sqlite3.connect(p) as cx:  # expect: WFY107
        with contextlib.closing(cx.cursor()) as (cur):
            db = cur.connection
    return db.total_changes


def same_header(p):
    with sqlite3.connect(p) as cx, contextlib.closing(cx.cursor()) as cur:  # expect: WFY107
        db = cur.connection
    return db.total_changes


def same_header_kept(p, sink):
    with sqlite3.connect(p) as cx, contextlib.closing(cx.cursor()) as cur:  # expect: WFY107
        sink.append(cur.connection)


def global_cursor(p):
    global CUR
    with sqlite3.connect(p) as cx:  # expect: WFY107
        with contextlib.closing(cx.cursor()) as CUR:
            CUR.execute("select 1")


def bound_method(p):
    with sqlite3.connect(p) as cx:  # expect: WFY107
        cx.execute("create table t (x)")
        q = cx.execute
    return q("select count(*) from t").fetchall()


def cursor_method(p):
    with sqlite3.connect(p) as cx:  # expect: WFY107
        cur = cx.execute("select 1")
        one = cur.fetchone
    return one()


KEPT = []


def shadowed_print(p):
    print = KEPT.append
    with sqlite3.connect(p) as cx, contextlib.closing(cx.cursor()) as cur:  # expect: WFY107
        print(cur)
    return KEPT[-1].connection.total_changes
