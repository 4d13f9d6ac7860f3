# Proof: a connection made by a function of the module and closed by hand, the close skipped by an exception on
# every other call, 300 calls under a limit of 128 descriptors. PyPy keeps each skipped connection open until a
# later garbage collection: "unable to open database file". After the fix each is closed when its block is left.
import contextlib
import resource
import sqlite3

resource.setrlimit(resource.RLIMIT_NOFILE, (128, 128))


def get_db():
    conn = sqlite3.connect("factory-close.db")
    return conn


def read(n):
    with contextlib.closing(get_db()) as conn:
        total = conn.execute("select count(*) from sqlite_master").fetchone()[0]
        if n % 2:
            raise ValueError(n)
    return total


failed = 0
for n in range(300):
    try:
        read(n)
    except ValueError:
        failed += 1
print(failed)
