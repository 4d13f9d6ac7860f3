# In a loop, a cursor bound where it may not be on every turn (a `try` whose handler passes): a later turn reads the
# cursor of the turn before, whose connection the fix would have closed.
import sqlite3


def report(paths):
    for p in paths:
        with sqlite3.connect(p) as cx:  # expect: WFY107
            try:
                cur = cx.execute("select v from t")
            except sqlite3.OperationalError:
                pass
            print(p, cur.fetchone())
