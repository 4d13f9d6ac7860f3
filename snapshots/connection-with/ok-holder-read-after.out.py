# What a call made of the connection, held in a name read after the block: a dump, a list, a wrapper.
import sqlite3

import wrappers


def dump(path):
    with sqlite3.connect(path) as cx:  # expect: WFY107
        lines = cx.iterdump()
    return lines


def collect(paths):
    keep = []
    for p in paths:
        with sqlite3.connect(p) as cx:  # expect: WFY107
            keep.append(cx)
    return keep


def wrapped(path):
    with sqlite3.connect(path) as cx:  # expect: WFY107
        w = wrappers.Wrapper(cx)
    return w.count()
