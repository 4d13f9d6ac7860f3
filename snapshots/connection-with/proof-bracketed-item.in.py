# 300 blocks of `with (sqlite3.connect(p) as cx):`, one item in brackets, under a limit of 128 descriptors.
# PyPy closes each connection only at a later garbage collection: "unable to open database file". After the
# fix each block closes its connection.
import resource
import sqlite3

resource.setrlimit(resource.RLIMIT_NOFILE, (128, 128))


def save(n):
    with (sqlite3.connect("bracketed.db") as cx):
        cx.execute("create table if not exists t (n)")
        cx.execute("insert into t values (?)", (n,))


for n in range(300):
    save(n)
with (sqlite3.connect("bracketed.db") as cx):
    print(cx.execute("select count(*) from t").fetchone()[0])
