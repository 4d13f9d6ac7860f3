# A method of the connection handed on to run later (an ExitStack's callback, addCleanup, atexit): after the fix it
# would run on a closed connection.
import atexit
import contextlib
import sqlite3


def batch(path, rows):
    with contextlib.ExitStack() as stack:
        with sqlite3.connect(path) as cx:  # expect: WFY107
            stack.callback(cx.commit)
            cx.executemany("insert into t values (?)", rows)
        print("batch done")


def at_exit(path):
    with sqlite3.connect(path) as cx:  # expect: WFY107
        atexit.register(cx.commit)
        print(cx.total_changes)
