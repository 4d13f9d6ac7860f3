# Sockets, database connections and temporary files kept in a variable: the code's last use is no proof it is
# done with them, so the `with` holds the rest of the function, where CPython closed them.
import os
import socket
import sqlite3
import tempfile


def ping(addr, data):
    s = socket.create_connection(addr)
    s.sendall(data)
    reply = s.recv(64)
    log(reply)  # a peer may still be reading: the socket stays open to the end, as before


def names(db):
    cx = sqlite3.connect(db)
    cx.row_factory = sqlite3.Row
    cu = cx.cursor()
    cu.execute("select name from t")
    first = cu.fetchone()
    for row in cx.execute("select name from u"):
        print(row["name"])
    return first


def both(td):
    tf1 = tempfile.NamedTemporaryFile(dir=td)
    tf2 = tempfile.NamedTemporaryFile(dir=td)
    return tf1.name, tf2.name


def lines(td):
    tmp = tempfile.TemporaryFile(dir=td)
    tmp.write(b"a\nb\n")
    tmp.seek(0)
    for line in tmp:
        yield line


def size(data):
    tmp = tempfile.NamedTemporaryFile()
    tmp.write(data)
    tmp.flush()
    return os.path.getsize(tmp.name), tmp.name


def keep(data, dest):
    tmp = tempfile.NamedTemporaryFile(delete=False)
    tmp.write(data)
    os.rename(tmp.name, dest)
