# A builtin that reads a database's keys to their end runs none of the program's code: the lock the `with` holds
# over it harms nothing, and the chain is fixed (code after it in the statement: ok-database-lock)
import dbm


def names(p):
    with dbm.open(p) as db:
        return sorted(db.keys())


def count(p):
    with dbm.open(p) as db:
        n = len(db.keys())
    return n
