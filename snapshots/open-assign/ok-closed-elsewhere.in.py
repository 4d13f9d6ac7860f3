# A with holding the rest of the function is no fix where its close would fail where the drop did not.
import os
import shutil
import sqlite3
import tempfile


def size_in(workdir):
    # The directory goes, and the file in it: closing the NamedTemporaryFile would raise FileNotFoundError
    # (before 3.12 and on PyPy), where dropping it printed "Exception ignored"
    tmp = tempfile.NamedTemporaryFile(dir=workdir)
    tmp.write(b"data")
    tmp.flush()
    size = os.path.getsize(tmp.name)
    shutil.rmtree(workdir)
    return size


def reopened():
    # On POSIX a TemporaryFile's name is its descriptor number: open() takes it over and closes it
    tmp = tempfile.TemporaryFile()
    tmp.write(b"hello")
    tmp.flush()
    with open(tmp.name, "rb", closefd=True) as again:
        again.read()
    return "ok"


def rows(db):
    # A generator another thread may finish: sqlite3's close() raises ProgrammingError there
    cx = sqlite3.connect(db)
    data = cx.execute("select 1 union select 2").fetchall()
    for row in data:
        yield row
