# A close in the body of the `try` right after the open: `with f:` opens that body, the open stays before the `try`
import contextlib
import os
import sqlite3
import tempfile


def write_then_send(path, send):
    f = open(path, "w")
    try:
        f.write("hi there\n")
        f.close()
        send(path)
    finally:
        os.remove(path)


def early_return(path):
    f = open(path, "w")
    try:
        if not path.endswith(".txt"):
            return None
        f.write("x")
        f.close()  # flushed
        return path
    except OSError:
        os.remove(path)
        raise


def atomic(data, permissions):
    fd, tmp_path = tempfile.mkstemp()
    tmp_file = os.fdopen(fd, "wb")
    try:
        tmp_file.write(data)
        tmp_file.close()

        if permissions is not None:
            os.chmod(tmp_path, permissions)
    except (IOError, OSError):
        os.remove(tmp_path)
        raise
    return tmp_path


def count(path):
    conn = sqlite3.connect(path)
    try:
        n = conn.execute("select count(*) from t").fetchone()[0]
        conn.close()
    finally:
        print("counted")
    return n


def rebound_in_handler(path):
    f = open(path)
    try:
        data = f.read()
        f.close()
    except UnicodeDecodeError:
        data = None
    return data
