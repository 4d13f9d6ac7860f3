# A builtin that reads a database's keys to their end runs none of the program's code: the lock the `with` holds
# over it harms nothing, and the chain is fixed (code after it in the statement: ok-database-lock)
import dbm


def names(p):
    return sorted(dbm.open(p).keys())


def count(p):
    n = len(dbm.open(p).keys())
    return n
