# Where the rest of the function is not where CPython closed it, or a cursor outlives it: reported, not fixed.
import os
import socket
import sqlite3
import subprocess
import tempfile

s = socket.create_connection(("localhost", 80))
s.sendall(b"at module level: CPython closed it when the program ended")


def in_branch(addr, flag):
    if flag:
        s = socket.create_connection(addr)
        s.sendall(b"x")
    return flag


def deleted(addr):
    s = socket.create_connection(addr)
    s.sendall(b"x")
    del s
    return 1


def cursor_returned(db):
    cx = sqlite3.connect(db)
    cu = cx.cursor()
    return cu.execute("select 1")


def rows_returned(db):
    cx = sqlite3.connect(db)
    rows = cx.execute("select 1")
    return rows


def connection_handed_out(db):
    cx = sqlite3.connect(db)
    cu = cx.cursor()
    keep(cu.connection)


def cursor_passed_on(db):
    cx = sqlite3.connect(db)
    cu = cx.cursor()
    register(cu)


def moved(dest):
    # Closing deletes the file by its name: after the rename, FileNotFoundError (before 3.12, and on PyPy)
    tmp = tempfile.NamedTemporaryFile()
    tmp.write(b"x")
    tmp.flush()
    os.rename(tmp.name, dest)
    return dest


def renamed_as_text(dest):
    # "%s" % tmp.name is the path again
    tmp = tempfile.NamedTemporaryFile()
    src = "%s" % tmp.name
    os.rename(src, dest)


def kept_as_key(registry):
    s = socket.socket()
    registry[s] = "listener"


def under_a_process(child):
    # Popen's exit waits for the child, which may still connect: the socket stays open until the function returns
    with subprocess.Popen(child, stdin=subprocess.PIPE) as proc:
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        s.listen()
        proc.stdin.write(b"%d\n" % s.getsockname()[1])


def entered(db, stack):
    # ExitStack's exit would call the connection's own __exit__, which commits and leaves it open
    cx = sqlite3.connect(db)
    stack.enter_context(cx)
    cx.execute("insert into t values (1)")
