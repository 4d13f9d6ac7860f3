# 300 blocks of `with get_db() as cx:`, `get_db()` a function of the module that makes the connection, under a
# limit of 128 descriptors. PyPy closes each connection only at a later garbage collection: "unable to open
# database file". After the fix each block closes its connection.
import resource
import sqlite3

resource.setrlimit(resource.RLIMIT_NOFILE, (128, 128))


def get_db():
    conn = sqlite3.connect("factory.db")
    conn.execute("create table if not exists t (n)")
    return conn


def save(n):
    with get_db() as cx:
        cx.execute("insert into t values (?)", (n,))


def total():
    with get_db() as cx:
        return cx.execute("select count(*) from t").fetchone()[0]


for n in range(300):
    save(n)
print(total())
