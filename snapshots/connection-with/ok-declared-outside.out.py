# An `as` name declared `global` or `nonlocal`: code elsewhere uses the connection after the block.
import sqlite3


def main():
    global cx
    with sqlite3.connect(":memory:") as cx:  # expect: WFY107
        cx.execute("create table t (x)")


def outer():
    db = None

    def inner():
        nonlocal db
        with sqlite3.connect(":memory:") as db:  # expect: WFY107
            db.execute("create table t (x)")

    inner()
    return db.execute("select count(*) from t").fetchone()
