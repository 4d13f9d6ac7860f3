# `locals()` in the block lists the function's variables: the name the fix adds would be among them.
import sqlite3


def run(path, report):
    with sqlite3.connect(path) as cx:  # expect: WFY107
        report(**locals())
